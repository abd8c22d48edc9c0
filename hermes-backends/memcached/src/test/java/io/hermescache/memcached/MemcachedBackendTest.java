package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.BackendContractTest;
import io.hermescache.test.LocalServer;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract kit on a real memcached, and what memcached adds: its limits, expiry rules and lazy client. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedBackendTest extends BackendContractTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final String servers;

  MemcachedBackendTest(@MemcachedServers String servers) {
    this.servers = servers;
  }

  @Override
  protected Backend createBackend() {
    return backend(servers);
  }

  @Test
  void roundsSubSecondTtlsUpAndExpires() throws InterruptedException {
    backend.set(prefix + "short", Payload.of("v"), Duration.ofMillis(1500));
    assertThat(backend.getAll(List.of(prefix + "short"))).containsExactly(Payload.of("v"));

    Thread.sleep(3_100);

    assertThat(backend.getAll(List.of(prefix + "short"))).containsExactly((Payload) null);
  }

  @Test
  void keepsTtlsOverThirtyDays() {
    backend.set(prefix + "long", Payload.of("v"), Duration.ofDays(31));

    assertThat(backend.getAll(List.of(prefix + "long"))).containsExactly(Payload.of("v"));
  }

  @Test
  void expiryIsRelativeUpToThirtyDaysThenAbsolute() {
    long now = 1_700_000_000L;
    assertThat(MemcachedBackend.expiry(Duration.ZERO, now)).isZero();
    assertThat(MemcachedBackend.expiry(Duration.ofMillis(1), now)).isEqualTo(1);
    assertThat(MemcachedBackend.expiry(Duration.ofMillis(1001), now)).isEqualTo(2);
    assertThat(MemcachedBackend.expiry(Duration.ofDays(30), now)).isEqualTo(2_592_000);
    assertThat(MemcachedBackend.expiry(Duration.ofDays(30).plusSeconds(1), now)).isEqualTo(now + 2_592_001);
    assertThat(MemcachedBackend.expiry(Duration.ofDays(365 * 100), now)).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> MemcachedBackend.expiry(Duration.ofSeconds(-1), now))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void skipsValuesOverTheItemSizeWithoutFailing() {
    backend.set(prefix + "big", Payload.of("small"), MINUTE);
    byte[] twoMegabytes = new byte[2 << 20];
    ThreadLocalRandom.current().nextBytes(twoMegabytes);

    backend.set(prefix + "big", Payload.of(twoMegabytes), MINUTE);
    boolean added = backend.add(prefix + "other", Payload.of(twoMegabytes), MINUTE);

    assertThat(added).isFalse();
    assertThat(backend.getAll(List.of(prefix + "big", prefix + "other"))).containsExactly(null, null);
    assertThat(((MemcachedBackend) backend).valuesTooLarge()).isEqualTo(2);
    backend.set(prefix + "big", Payload.of("small again"), MINUTE);
    assertThat(backend.getAll(List.of(prefix + "big"))).containsExactly(Payload.of("small again"));
  }

  @Test
  void acceptsMemcachedKeysOnly() {
    assertThat(backend.keyLimits()).isEqualTo(new KeyLimits(250, true));
  }

  @Test
  void createsNoConnectionUntilUsedAndThenFailsWithinTwoTimeoutsWhenNoServerAnswers() {
    String closedPort = "127.0.0.1:" + LocalServer.freePort();
    try (Backend unreachable = backend(closedPort)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> unreachable.getAll(List.of(prefix + "k")))
          .isInstanceOf(HermesException.class).hasMessageContaining(closedPort);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }
  }

  @Test
  void refusesUseAfterClose() {
    backend.close();

    assertThatThrownBy(() -> backend.getAll(List.of(prefix + "k"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void neverNamesThePassword() {
    Backend secured = new MemcachedBackendProvider().create(Settings.of(Map.of(
        "hermes.memcached.servers", servers, "hermes.memcached.username", "hermes",
        "hermes.memcached.password", "s3cret")));

    assertThat(secured.toString()).contains(servers).doesNotContain("s3cret");
  }

  private static MemcachedBackend backend(String servers) {
    return (MemcachedBackend) new MemcachedBackendProvider().create(Settings.of(Map.of(
        "hermes.memcached.servers", servers, "hermes.memcached.timeout", "PT1S")));
  }
}
