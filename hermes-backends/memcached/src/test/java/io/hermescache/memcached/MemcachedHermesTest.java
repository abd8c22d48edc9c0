package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hermes on memcached, end to end: what memcached's limits and a shared server mean for cached calls. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedHermesTest {

  private final String servers;
  private final String prefix = "hermes-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger loads = new AtomicInteger();
  private Hermes hermes;

  MemcachedHermesTest(@MemcachedServers String servers) {
    this.servers = servers;
    hermes = hermes(prefix, Map.of());
  }

  @AfterEach
  void close() {
    hermes.close();
  }

  @Test
  void storesAKeyOverMemcachedsLimitsUnderAReadableHeadAndAHash() {
    String key = ("größe über alles " + "x".repeat(400)).substring(0, 400);

    assertThat(load(key, "value")).isEqualTo("value");
    assertThat(load(key, "recomputed")).isEqualTo("value");

    assertThat(loads).hasValue(1);
    List<String> stored = entryKeys();
    assertThat(stored).hasSize(1);
    String storedKey = stored.get(0);
    assertThat(storedKey.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(250);
    assertThat(storedKey).startsWith(prefix + ":entry:gr__e__ber_alles_xxx").doesNotContain(" ")
        .matches(".*#[A-Za-z0-9_-]{22}");
  }

  @Test
  void returnsButDoesNotCacheAValueOverTheItemSize() {
    hermes.close();
    hermes = hermes(prefix, Map.of("hermes.backend-failure", "propagate"));
    byte[] random = new byte[3 << 20];
    ThreadLocalRandom.current().nextBytes(random);
    String large = Base64.getEncoder().encodeToString(random);

    assertThat(load("large", large)).isEqualTo(large);
    assertThat(load("large", large)).isEqualTo(large);

    assertThat(loads).hasValue(2);
    assertThat(entryKeys()).isEmpty();
    assertThat(((MemcachedBackend) hermes.backend()).valuesTooLarge()).isEqualTo(2);
    assertThat(hermes.stats().total().errors()).isZero();
  }

  @Test
  void cleanLeavesOtherPrefixesAndForeignKeysAlone() {
    String foreignKey = "foreign-" + UUID.randomUUID();
    MemcachedInspector.setEverywhere(servers, foreignKey, "theirs");
    try (Hermes neighbour = hermes(prefix + "-neighbour", Map.of())) {
      neighbour.cached("k", String.class, () -> "neighbour's");
      load("k", "mine");

      hermes.clean();

      assertThat(load("k", "mine, recomputed")).isEqualTo("mine, recomputed");
      assertThat(neighbour.<String>cached("k", String.class, () -> "neighbour's, recomputed")).isEqualTo("neighbour's");
      assertThat(MemcachedInspector.holdsEverywhere(servers, foreignKey, "theirs")).isTrue();
    }
  }

  /** A value another client stored under an entry key with memcached's text protocol is a miss, then overwritten. */
  @Test
  void aValueStoredByAnotherClientIsAMissAndIsOverwritten() {
    MemcachedInspector.setEverywhere(servers, prefix + ":entry:shared", "written by another application");

    assertThat(load("shared", "mine")).isEqualTo("mine");
    assertThat(load("shared", "recomputed")).as("overwritten, then served").isEqualTo("mine");

    assertThat(MemcachedInspector.holdsEverywhere(servers, prefix + ":entry:shared", "written by another application")).isFalse();
    assertThat(hermes.stats().total().errors()).isZero();
  }

  private String load(String key, String value) {
    return hermes.cached(key, List.of(), Duration.ofMinutes(1), String.class, () -> {
      loads.incrementAndGet();
      return value;
    });
  }

  private List<String> entryKeys() {
    return MemcachedInspector.keys(servers).stream().filter(key -> key.startsWith(prefix + ":entry:")).toList();
  }

  private Hermes hermes(String keyPrefix, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put("hermes.backend", "memcached");
    settings.put("hermes.memcached.servers", servers);
    settings.put("hermes.prefix", keyPrefix);
    return Hermes.builder().configure(Settings.of(settings)).build();
  }
}
