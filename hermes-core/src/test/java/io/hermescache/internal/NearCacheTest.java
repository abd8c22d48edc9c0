package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.internal.near.NearCache;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The near cache (DESIGN.md, "Near cache" and "Coherence"), two engines standing for two JVMs on one
 * in-memory backend and channel, time on a fake clock.
 */
class NearCacheTest {

  private static final Duration STALENESS = Duration.ofSeconds(1);

  private final FakeClock clock = new FakeClock();
  private final MemoryBackend backend = new MemoryBackend(clock);
  private final MemoryChannel channel = new MemoryChannel();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger loads = new AtomicInteger();

  NearCacheTest() {
    backend.beforeEach = operation -> {
      if (operation.equals("getAll")) {
        reads.incrementAndGet();
      }
    };
  }

  private Hermes jvm() {
    return Hermes.builder().backend(channel.around(backend)).clock(clock).prefix("p").executor(Runnable::run)
        .nearCache(100, STALENESS).build();
  }

  private String read(Hermes hermes) {
    return hermes.cached("k", List.of("t"), Duration.ofHours(1), String.class, () -> "v" + loads.incrementAndGet());
  }

  @Test
  void aHitWhoseKeysAreHeldMakesNoRoundTripAndSharesTheDecodedValue() {
    try (Hermes a = jvm()) {
      String first = read(a);
      read(a); // the copies of what the first call wrote are read once
      int before = reads.get();
      String hit = read(a);
      assertThat(reads.get()).as("no backend read").isEqualTo(before);
      assertThat(hit).isEqualTo(first);
      assertThat(read(a)).as("the memoised decode: the same instance").isSameAs(hit);
    }
  }

  @Test
  void whileThePingsComeBackCopiesStayTrustedLongerThanMaxStaleness() {
    try (Hermes a = jvm()) {
      read(a);
      read(a);
      int before = reads.get();
      for (int i = 0; i < 10; i++) {
        clock.advance(Duration.ofMillis(400)); // pings every 250 ms
        assertThat(read(a)).isEqualTo("v1");
      }
      assertThat(reads.get()).as("four seconds of hits, no backend read").isEqualTo(before);
    }
  }

  @Test
  void theInvalidatingJvmNeverServesTheOldValue() {
    try (Hermes a = jvm()) {
      read(a);
      read(a);
      a.clean("t");
      assertThat(read(a)).isEqualTo("v2");
      a.invalidate("k");
      assertThat(read(a)).isEqualTo("v3");
      a.clean();
      assertThat(read(a)).isEqualTo("v4");
    }
  }

  @Test
  void anInvalidationMessageDropsTheCopiesOfAnotherJvmAtOnce() {
    try (Hermes a = jvm(); Hermes b = jvm()) {
      read(a);
      read(b);
      read(b);
      assertThat(read(b)).isEqualTo("v1");
      a.clean("t");
      assertThat(read(b)).as("no time passed: the message did it").isEqualTo("v2");
      b.invalidate("k");
      assertThat(read(a)).isEqualTo("v3");
    }
  }

  @Test
  void aJvmThatHearsNothingForMaxStalenessReadsTheBackendAgainUntilItHears() {
    try (Hermes a = jvm(); Hermes b = jvm()) {
      read(a);
      read(b);
      read(b);
      channel.mute(); // half-open: no one is told
      a.clean("t");
      assertThat(read(b)).as("allowed within max-staleness").isEqualTo("v1");
      clock.advance(STALENESS.plusMillis(1));
      int before = reads.get();
      assertThat(read(b)).as("silence longer than max-staleness: validated against the backend").isEqualTo("v2");
      assertThat(reads.get()).isGreaterThan(before);
      clock.advance(STALENESS.plusMillis(1));
      before = reads.get();
      assertThat(read(b)).isEqualTo("v2");
      assertThat(reads.get()).as("still silent: validated again").isGreaterThan(before);
      channel.restore();
      clock.advance(Duration.ofMillis(300)); // a ping comes back
      read(b);
      before = reads.get();
      clock.advance(STALENESS.multipliedBy(2));
      assertThat(read(b)).isEqualTo("v2");
      assertThat(reads.get()).as("trusted again").isEqualTo(before);
    }
  }

  @Test
  void aCutChannelIsNeverTrustedForCopiesReadBeforeIt() {
    try (Hermes a = jvm(); Hermes b = jvm()) {
      read(a);
      read(b);
      read(b);
      channel.cut();
      a.clean("t");
      channel.restore(); // a new subscription: what was published meanwhile is lost
      clock.advance(Duration.ofMillis(300));
      assertThat(read(b)).as("within max-staleness of its read").isEqualTo("v1");
      clock.advance(STALENESS);
      assertThat(read(b)).as("the old subscription's copies age out").isEqualTo("v2");
    }
  }

  @Test
  void aChangeHeardWhileAReadIsUnderWayIsNotUndoneByStoringTheReadValue() {
    try (Hermes a = jvm(); Hermes b = jvm()) {
      read(a);
      channel.afterNextRead = () -> a.clean("t"); // b's read returned the old versions; then the message
      assertThat(read(b)).as("its own call started before the invalidation").isEqualTo("v1");
      assertThat(read(b)).as("nothing old was kept").isEqualTo("v2");
    }
  }

  @Test
  void withoutAChannelACopyLivesAtMostMaxStaleness() {
    NearCache near = new NearCache(backend, "p", NearCacheOptions.enabled(10, STALENESS), clock, Runnable::run);
    backend.set("p:tag:t", Payload.of("1"), Duration.ZERO);
    assertThat(near.getAll(List.of("p:tag:t")).get(0).text()).isEqualTo("1");
    backend.set("p:tag:t", Payload.of("2"), Duration.ZERO); // another JVM, unannounced
    int before = reads.get();
    clock.advance(STALENESS);
    assertThat(near.getAll(List.of("p:tag:t")).get(0).text()).as("within max-staleness").isEqualTo("1");
    assertThat(reads.get()).isEqualTo(before);
    clock.advance(Duration.ofNanos(1));
    assertThat(near.getAll(List.of("p:tag:t")).get(0).text()).isEqualTo("2");
  }

  @Test
  void locksAreNeverCopied() {
    NearCache near = new NearCache(backend, "p", NearCacheOptions.enabled(10, STALENESS), clock, Runnable::run);
    backend.set("p:lock:k", Payload.of("a"), Duration.ofMinutes(1));
    near.getAll(List.of("p:lock:k"));
    backend.set("p:lock:k", Payload.of("b"), Duration.ofMinutes(1));
    assertThat(near.getAll(List.of("p:lock:k")).get(0).text()).isEqualTo("b");
  }

  @Test
  void memoryIsBoundedByMaxEntries() {
    NearCache near = new NearCache(backend, "p", NearCacheOptions.enabled(10, STALENESS), clock, Runnable::run);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add("p:entry:" + i);
      backend.set("p:entry:" + i, Payload.of("x"), Duration.ofHours(1));
    }
    for (String key : keys) {
      near.getAll(List.of(key));
      assertThat(near.size()).isLessThanOrEqualTo(10);
    }
    int before = reads.get();
    near.getAll(keys.subList(990, 1000));
    assertThat(reads.get()).as("the latest ten are held").isEqualTo(before);
    near.getAll(keys);
    assertThat(near.size()).isEqualTo(10);
  }

  @Test
  void theSettingsAreReadAndCheckedNamingTheKey() {
    Choices choices = Choices.configured(Settings.of(Map.of("hermes.backend", "none", "hermes.near.enabled", "true",
        "hermes.near.max-entries", "5", "hermes.near.max-staleness", "PT0.2S")));
    assertThat(choices.near()).isEqualTo(NearCacheOptions.enabled(5, Duration.ofMillis(200)));
    assertThat(Choices.configured(Settings.of(Map.of("hermes.backend", "none"))).near()).isNull();
    assertThat(EngineSettings.resolve(Choices.configured(Settings.of(Map.of("hermes.backend", "none"))), Choices.NONE)
        .near).isEqualTo(NearCacheOptions.OFF);
    assertThatThrownBy(() -> Choices.configured(Settings.of(Map.of("hermes.backend", "none",
        "hermes.near.max-entries", "0")))).isInstanceOf(HermesConfigurationException.class)
        .hasMessageContaining("hermes.near.max-entries");
    assertThatThrownBy(() -> Choices.configured(Settings.of(Map.of("hermes.backend", "none",
        "hermes.near.max-staleness", "0")))).isInstanceOf(HermesConfigurationException.class)
        .hasMessageContaining("hermes.near.max-staleness");
    assertThatThrownBy(() -> Hermes.builder().nearCache(10, Duration.ZERO))
        .isInstanceOf(HermesConfigurationException.class);
  }

  @Test
  void theBackendInUseIsTheOneGivenAndAnInProcessOneIsLeftAlone() {
    try (Hermes a = jvm()) {
      assertThat(a.backend()).isNotInstanceOf(NearCache.class);
    }
  }
}
