package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Issue 14, defect 6: on a standalone Redis, a positive TTL under a millisecond is never stored as "no
 * expiry" (only {@link Duration#ZERO} means that). Each key's {@code PTTL} is read with Jedis: {@code -1}
 * would mean it never expires; a key already gone ({@code -2}) or expiring is right.
 */
@ExtendWith(RedisServerExtension.class)
class SubMillisecondTtlTest {

  private static final Duration UNDER_A_MILLISECOND = Duration.ofNanos(400_000);
  private static final long NO_EXPIRY = -1;

  private final String uri;
  private final RedisClient redis;
  private final Backend backend;
  private final String prefix = "ttl" + UUID.randomUUID().toString().substring(0, 8);

  SubMillisecondTtlTest(@RedisUri String uri) {
    this.uri = uri;
    this.redis = RedisClient.create(URI.create(uri));
    this.backend = new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }

  @AfterEach
  void close() {
    backend.close();
    redis.close();
  }

  @Test
  void setAndAddWithASubMillisecondTtlExpire() {
    backend.set(prefix + ":set", Payload.of("v"), UNDER_A_MILLISECOND);
    backend.add(prefix + ":add", Payload.of("v"), UNDER_A_MILLISECOND);
    assertThat(backend.tryLock(prefix + ":lock", "token", UNDER_A_MILLISECOND)).isTrue();

    assertThat(redis.pttl(prefix + ":set")).isNotEqualTo(NO_EXPIRY);
    assertThat(redis.pttl(prefix + ":add")).isNotEqualTo(NO_EXPIRY);
    assertThat(redis.pttl(prefix + ":lock")).isNotEqualTo(NO_EXPIRY);
  }

  /** Today the store script reads {@code ttl.toMillis()} = 0 as "no expiry". */
  @Test
  @Tag(CoherenceContractTest.KNOWN_DEFECT)
  void aValueStoredUnderTheLockWithASubMillisecondTtlExpires() {
    assertThat(backend.tryLock(prefix + ":lock:k", "token", Duration.ofMinutes(1))).isTrue();
    assertThat(backend.setIfLocked(prefix + ":lock:k", "token", prefix + ":entry:k", Payload.of("v"), UNDER_A_MILLISECOND))
        .isTrue();

    assertThat(redis.pttl(prefix + ":entry:k")).as("PTTL of the entry").isNotEqualTo(NO_EXPIRY);
  }

  /** The same through {@link Hermes}: an entry cached for 0.4 ms is not kept forever. */
  @Test
  @Tag(CoherenceContractTest.KNOWN_DEFECT)
  void anEntryCachedForLessThanAMillisecondIsNotKeptForever() {
    try (Hermes hermes = Hermes.builder().backend(backend).prefix(prefix).build()) {
      hermes.cached("k", List.of(), UNDER_A_MILLISECOND, String.class, () -> "v");
    }
    for (String entry : redis.keys(prefix + ":entry:*")) {
      assertThat(redis.pttl(entry)).as("PTTL of %s", entry).isNotEqualTo(NO_EXPIRY);
    }
  }
}
