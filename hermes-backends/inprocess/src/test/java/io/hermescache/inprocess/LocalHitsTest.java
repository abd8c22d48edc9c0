package io.hermescache.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.PausingBackend;
import io.hermescache.test.PausingBackend.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * In front of the in-process backend the engine serves a hit from memory, without reading the backend, and
 * never serves what any engine on the same backend invalidated or wrote over.
 */
class LocalHitsTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final String ENTRY = "app:entry:user:1";

  private final InProcessBackend shared = new InProcessBackend(10_000);
  private final PausingBackend counted = new PausingBackend(shared);
  private final AtomicInteger runs = new AtomicInteger();

  private String user(Hermes hermes, String key, List<String> tags) {
    return hermes.cached(key, tags, HOUR, String.class, () -> "user#" + runs.incrementAndGet());
  }

  private long reads() {
    return counted.completedCalls().stream().filter(call -> call.operation() == Operation.GET_ALL).count();
  }

  @Test
  void aRepeatedHitReadsNothing() {
    try (Hermes hermes = Hermes.builder().backend(counted).build()) {
      user(hermes, "user:1", List.of("users"));
      assertThat(user(hermes, "user:1", List.of("users"))).isEqualTo("user#1"); // read, found coherent, remembered
      long reads = reads();
      for (int i = 0; i < 100; i++) {
        assertThat(user(hermes, "user:1", List.of("users"))).isEqualTo("user#1");
      }
      assertThat(reads()).as("hits served from memory").isEqualTo(reads);
      assertThat(hermes.stats().total().hits()).isEqualTo(101);
    }
  }

  @Test
  void whateverAnotherEngineOnTheBackendInvalidatesIsNotServed() {
    try (Hermes mine = Hermes.builder().backend(shared).build();
        Hermes theirs = Hermes.builder().backend(shared).build()) {
      List<String> tags = List.of("users", "tenant:7");
      warm(mine, tags);
      theirs.clean("tenant:7");
      assertThat(user(mine, "user:1", tags)).as("after clean(tag)").isEqualTo("user#2");

      warm(mine, tags);
      theirs.invalidate("user:1");
      assertThat(user(mine, "user:1", tags)).as("after invalidate(key)").isEqualTo("user#3");

      warm(mine, tags);
      theirs.clean();
      assertThat(user(mine, "user:1", tags)).as("after clean()").isEqualTo("user#4");

      warm(mine, tags);
      theirs.cached("user:1", tags, HOUR, String.class, () -> "unused");
      assertThat(user(mine, "user:1", tags)).as("a hit of theirs changes nothing").isEqualTo("user#4");
    }
  }

  @Test
  void anEntryWrittenOverOrEvictedIsReadAgain() {
    try (Hermes hermes = Hermes.builder().backend(counted).prefix("app").build()) {
      warm(hermes, List.of());
      assertThat(shared.snapshot()).containsKey(ENTRY);
      shared.delete(ENTRY);
      assertThat(user(hermes, "user:1", List.of())).as("deleted by hand").isEqualTo("user#2");

      warm(hermes, List.of());
      shared.set(ENTRY, Payload.of("planted"), HOUR);
      assertThat(user(hermes, "user:1", List.of())).as("written over: a miss, never the old value").isEqualTo("user#3");
    }
  }

  @Test
  void aKeyCalledWithOtherTagsOrAnotherTypeIsReadFromTheBackend() {
    try (Hermes hermes = Hermes.builder().backend(counted).build()) {
      warm(hermes, List.of("users"));
      long reads = reads();
      assertThat(user(hermes, "user:1", List.of("admins"))).isEqualTo("user#2");
      assertThat(reads()).isGreaterThan(reads);
    }
  }

  @Test
  void heldHitsAreBoundedByNearMaxEntries() {
    try (Hermes hermes = Hermes.builder().backend(counted)
        .configure(Settings.of(Map.of("hermes.near.max-entries", "10"))).build()) {
      for (int i = 0; i < 100; i++) {
        user(hermes, "user:" + i, List.of());
        user(hermes, "user:" + i, List.of());
      }
      long reads = reads();
      user(hermes, "user:0", List.of());
      assertThat(reads()).as("the oldest hit left memory: read again").isEqualTo(reads + 1);
      reads = reads();
      user(hermes, "user:99", List.of());
      assertThat(reads()).as("the newest stays").isEqualTo(reads);
    }
  }

  @Test
  void copyOnReadHoldsNoHits() {
    try (Hermes hermes = Hermes.builder().backend(new PausingBackend(new InProcessBackend(100, true))).build()) {
      String first = hermes.cached("k", String.class, () -> new String("v"));
      assertThat(hermes.cached("k", String.class, () -> "x")).isEqualTo(first);
      assertThat(hermes.cached("k", String.class, () -> "x")).isNotSameAs(hermes.cached("k", String.class, () -> "x"));
    }
  }

  /** Computes, then reads the value back once, so that the next call is served from memory. */
  private void warm(Hermes hermes, List<String> tags) {
    String value = user(hermes, "user:1", tags);
    assertThat(user(hermes, "user:1", tags)).isEqualTo(value);
  }
}
