package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** What the Redis backend does on the server itself: TTLs, binary payloads, scripts. */
@ExtendWith(RedisServerExtension.class)
class RedisBackendTest {

  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private final Backend backend;
  private final RedisClient redis;

  RedisBackendTest(@RedisUri String uri) {
    backend = new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
    redis = RedisClient.create(URI.create(uri));
  }

  @AfterEach
  void closeClients() {
    backend.close();
    redis.close();
  }

  @Test
  void aZeroTtlStoresWithoutExpiryAndOthersInMilliseconds() {
    backend.set(prefix + "forever", Payload.of("v"), Duration.ZERO);
    backend.set(prefix + "brief", Payload.of("v"), Duration.ofMillis(90_500));
    backend.add(prefix + "added", Payload.of("v"), Duration.ofSeconds(5));

    assertThat(redis.pttl(prefix + "forever")).isEqualTo(-1);
    assertThat(redis.pttl(prefix + "brief")).isBetween(89_000L, 90_500L);
    assertThat(redis.pttl(prefix + "added")).isBetween(4_000L, 5_000L);
  }

  @Test
  void payloadsAreStoredByteForByte() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    backend.set(prefix + "binary", Payload.of(binary), Duration.ofMinutes(1));

    assertThat(redis.get((prefix + "binary").getBytes(StandardCharsets.UTF_8))).isEqualTo(binary);
    assertThat(backend.getAll(List.of(prefix + "binary")).get(0).bytes()).isEqualTo(binary);
  }

  @Test
  void scriptsStillRunAfterTheServerForgotThem() {
    String lock = prefix + "lock";
    assertThat(backend.tryLock(lock, "token", Duration.ofMinutes(1))).isTrue();
    redis.scriptFlush();

    assertThat(backend.setIfLocked(lock, "token", prefix + "entry", Payload.of("v"), Duration.ofMinutes(1))).isTrue();
    redis.scriptFlush();
    backend.unlock(lock, "token");

    assertThat(redis.exists(lock)).isFalse();
    assertThat(redis.get(prefix + "entry")).isEqualTo("v");
  }

  @Test
  void setIfLockedKeepsTheTtlAndWritesNothingWithoutTheLock() {
    String lock = prefix + "lock";
    backend.tryLock(lock, "mine", Duration.ofMinutes(1));

    assertThat(backend.setIfLocked(lock, "theirs", prefix + "refused", Payload.of("v"), Duration.ofMinutes(1))).isFalse();
    assertThat(backend.setIfLocked(lock, "mine", prefix + "timed", Payload.of("v"), Duration.ofSeconds(30))).isTrue();
    assertThat(backend.setIfLocked(lock, "mine", prefix + "forever", Payload.of("v"), Duration.ZERO)).isTrue();

    assertThat(redis.exists(prefix + "refused")).isFalse();
    assertThat(redis.pttl(prefix + "timed")).isBetween(29_000L, 30_000L);
    assertThat(redis.pttl(prefix + "forever")).isEqualTo(-1);
  }

  @Test
  void aReadOfManyKeysReturnsThemInOrder() {
    backend.set(prefix + "a", Payload.of("1"), Duration.ofMinutes(1));
    backend.set(prefix + "c", Payload.of("3"), Duration.ofMinutes(1));

    List<Payload> read = backend.getAll(List.of(prefix + "a", prefix + "b", prefix + "c"));

    assertThat(read).containsExactly(Payload.of("1"), null, Payload.of("3"));
    assertThat(Arrays.asList(backend.getAll(List.of()).toArray())).isEmpty();
  }
}
