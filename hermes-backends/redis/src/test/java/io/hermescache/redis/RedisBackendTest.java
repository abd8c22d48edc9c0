package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.BackendContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** The backend contract on a standalone server, and what the Redis backend leaves on the server itself. */
@ExtendWith(RedisServerExtension.class)
class RedisBackendTest extends BackendContractTest {

  private final String uri;
  private final RedisClient redis;

  RedisBackendTest(@RedisUri String uri) {
    this.uri = uri;
    this.redis = RedisClient.create(URI.create(uri));
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }

  @AfterEach
  void closeInspector() {
    redis.close();
  }

  @Test
  void aZeroTtlStoresWithoutExpiryAndOthersInMilliseconds() {
    backend.set(prefix + ":forever", Payload.of("v"), Duration.ZERO);
    backend.set(prefix + ":brief", Payload.of("v"), Duration.ofMillis(90_500));
    backend.add(prefix + ":added", Payload.of("v"), Duration.ofSeconds(5));

    assertThat(redis.pttl(prefix + ":forever")).isEqualTo(-1);
    assertThat(redis.pttl(prefix + ":brief")).isBetween(89_000L, 90_500L);
    assertThat(redis.pttl(prefix + ":added")).isBetween(4_000L, 5_000L);
  }

  @Test
  void payloadsAreStoredAsTheyAre() {
    byte[] binary = {0, (byte) 0xff, '\r', '\n', 'H'};
    backend.set(prefix + ":binary", Payload.of(binary), Duration.ofMinutes(1));

    assertThat(redis.get((prefix + ":binary").getBytes(StandardCharsets.UTF_8))).isEqualTo(binary);
  }

  /** A value another application stored under an entry key with a plain {@code SET} is a miss, then overwritten. */
  @Test
  void aValueSetByAnotherApplicationIsAMissAndIsOverwritten() {
    redis.set(prefix + ":entry:shared", "written by another application");
    try (Hermes hermes = hermes().build()) {
      assertThat(hermes.cached("shared", String.class, () -> "mine")).isEqualTo("mine");
      assertThat(hermes.cached("shared", String.class, () -> "recomputed")).as("overwritten, then served").isEqualTo("mine");
      assertThat(redis.get(prefix + ":entry:shared")).isNotEqualTo("written by another application");
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  /** A 20 MB value is stored (uncompressed), read back whole, and served from the cache. */
  @Test
  void aTwentyMegabyteValueIsCachedWhole() {
    byte[] random = new byte[15 << 20];
    new java.util.Random(7).nextBytes(random);
    String large = java.util.Base64.getEncoder().encodeToString(random);
    try (Hermes hermes = hermes().compression(null, 0).build()) {
      assertThat(hermes.cached("large", String.class, () -> large)).isEqualTo(large);
      assertThat(hermes.cached("large", String.class, () -> "recomputed")).as("served from the cache").isEqualTo(large);
      assertThat(redis.strlen(prefix + ":entry:large")).isGreaterThan(20L << 20);
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  @Test
  void scriptsStillRunAfterTheServerForgotThem() {
    String lock = prefix + ":lock";
    assertThat(backend.tryLock(lock, "token", Duration.ofMinutes(1))).isTrue();
    redis.scriptFlush();

    assertThat(backend.setIfLocked(lock, "token", prefix + ":entry", Payload.of("v"), Duration.ofMinutes(1))).isTrue();
    redis.scriptFlush();
    backend.unlock(lock, "token");

    assertThat(redis.exists(lock)).isFalse();
    assertThat(redis.get(prefix + ":entry")).isEqualTo("v");
  }

  @Test
  void setIfLockedAppliesTheTtl() {
    String lock = prefix + ":lock";
    backend.tryLock(lock, "mine", Duration.ofMinutes(1));

    assertThat(backend.setIfLocked(lock, "mine", prefix + ":timed", Payload.of("v"), Duration.ofSeconds(30))).isTrue();
    assertThat(backend.setIfLocked(lock, "mine", prefix + ":forever", Payload.of("v"), Duration.ZERO)).isTrue();

    assertThat(redis.pttl(prefix + ":timed")).isBetween(29_000L, 30_000L);
    assertThat(redis.pttl(prefix + ":forever")).isEqualTo(-1);
  }
}
