package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedis;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** On a server of its own, every key Hermes writes follows DESIGN.md's layout, and clean() touches nothing else. */
class KeyLayoutTest {

  private final LocalRedis server = LocalRedis.start();
  private final RedisClient redis = RedisClient.create(URI.create(server.uri()));

  @AfterEach
  void stopServer() {
    redis.close();
    server.close();
  }

  private Hermes hermes(String prefix) {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", server.uri(),
        "hermes.prefix", prefix))).build();
  }

  @Test
  void entriesTagsLocksAndNamespaceHaveTheDocumentedKeys() {
    AtomicReference<Set<String>> whileComputing = new AtomicReference<>();
    try (Hermes hermes = hermes("cache")) {
      hermes.cached("avg:1:2", List.of("math", "user:7"), Duration.ofMinutes(5), Double.class, () -> {
        whileComputing.set(scan());
        return 1.5;
      });

      assertThat(whileComputing.get()).contains("cache:lock:avg:1:2");
      assertThat(scan()).containsExactly("cache:entry:avg:1:2", "cache:namespace", "cache:tag:math", "cache:tag:user:7",
          "cache:version:avg:1:2");
      assertThat(redis.pttl("cache:version:avg:1:2")).as("an entry version expires, after its entry").isPositive();
      assertThat(redis.pttl("cache:entry:avg:1:2")).as("the entry expires").isPositive();
      assertThat(redis.pttl("cache:tag:math")).as("tag versions do not").isEqualTo(-1);
    }
  }

  @Test
  void cleanReversionsOnlyItsOwnNamespace() {
    redis.set("unrelated", "kept");
    redis.set("cache-like:entry:x", "kept");
    try (Hermes hermes = hermes("cache"); Hermes neighbour = hermes("other")) {
      hermes.cached("a", List.of("math"), Duration.ofMinutes(5), Integer.class, () -> 1);
      neighbour.cached("a", List.of("math"), Duration.ofMinutes(5), Integer.class, () -> 2);
      Map<String, String> before = values();

      hermes.clean();
      hermes.clean("math");

      Map<String, String> after = values();
      assertThat(after.keySet()).as("no key added or removed").isEqualTo(before.keySet());
      Set<String> reversioned = Set.of("cache:namespace", "cache:tag:math");
      reversioned.forEach(key -> assertThat(after.get(key)).as(key).isNotEqualTo(before.get(key)));
      before.keySet().removeAll(reversioned);
      assertThat(after).as("every other key, the neighbour's and no one's, is as it was").containsAllEntriesOf(before);
      assertThat(hermes.cached("a", List.of("math"), Duration.ofMinutes(5), Integer.class, () -> 3)).isEqualTo(3);
      assertThat(neighbour.cached("a", List.of("math"), Duration.ofMinutes(5), Integer.class, () -> -1)).isEqualTo(2);
    }
  }

  private Set<String> scan() {
    Set<String> keys = new TreeSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return keys;
  }

  private Map<String, String> values() {
    Map<String, String> values = new TreeMap<>();
    for (String key : scan()) {
      values.put(key, java.util.Base64.getEncoder().encodeToString(redis.get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
    return values;
  }
}
