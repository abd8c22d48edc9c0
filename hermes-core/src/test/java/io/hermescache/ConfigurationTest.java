package io.hermescache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.spi.Settings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  private static Hermes configured(Map<String, String> values) {
    return Hermes.builder().configure(Settings.of(values)).build();
  }

  private static void assertRejected(String key, String value, String why) {
    assertThatThrownBy(() -> configured(Map.of("hermes.backend", "none", key, value)))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessage(key + " = " + value + ": " + why);
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    assertRejected("hermes.ttl", "-5", "must not be negative");
    assertRejected("hermes.ttl", "0", "must be positive");
    assertRejected("hermes.ttl", "soon", "not a duration (use seconds, e.g. 10, or ISO-8601, e.g. PT10S)");
    assertRejected("hermes.lock.timeout", "PT0S", "must be positive");
    assertRejected("hermes.cache-nulls", "yes", "must be true or false");
    assertRejected("hermes.backend-failure", "ignore", "must be bypass or propagate");
    String prefixRule = "must be 1 to 64 printable ASCII characters without spaces, ':', '#', '{' or '}' (the prefix ends at the first ':' of every key, so that no key of one prefix can name a key of another)";
    assertRejected("hermes.prefix", "my app", prefixRule);
    assertRejected("hermes.prefix", "app:tag:t1", prefixRule);
    assertRejected("hermes.prefix", "{app}", prefixRule);
    assertRejected("hermes.compression.threshold", "-1", "must not be negative");
    assertRejected("hermes.compression.threshold", "1k", "not a whole number");
    assertRejected("hermes.lock.lease", "-PT1S", "must not be negative");
    assertRejected("hermes.lock.lease", "0", "must be positive");
    assertRejected("hermes.lock.timeout", "forever", "not a duration (use seconds, e.g. 10, or ISO-8601, e.g. PT10S)");
    assertThatThrownBy(() -> configured(Map.of("hermes.backend", "none", "hermes.compression", "gzip")))
        .hasMessageStartingWith("hermes.compression = gzip: cannot be created");
    assertThatThrownBy(() -> configured(Map.of("hermes.backend", "none", "hermes.serialiser", "com.example.Missing")))
        .hasMessageStartingWith("hermes.serialiser = com.example.Missing: cannot be created");
    assertThatThrownBy(() -> configured(Map.of("hermes.backend", "none", "hermes.compression", "java.lang.String")))
        .hasMessage("hermes.compression = java.lang.String: does not implement io.hermescache.spi.Compressor");
  }

  @Test
  void anUnknownBackendSaysWhichExist() {
    assertThatThrownBy(() -> configured(Map.of("hermes.backend", "mongo")))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.backend = mongo: no such backend on the class path")
        .hasMessageContaining("io.hermescache:hermes-backend-mongo");
  }

  @Test
  void backendNoneRunsEveryCall() {
    try (Hermes hermes = configured(Map.of("hermes.backend", "none"))) {
      AtomicInteger runs = new AtomicInteger();
      hermes.cached("k", Integer.class, runs::incrementAndGet);
      hermes.cached("k", Integer.class, runs::incrementAndGet);
      assertThat(runs).hasValue(2);
      hermes.clean("any");
      hermes.clean();
      assertThat(hermes.backend()).isNull();
    }
  }

  @Test
  void checkedLoaderExceptionsAreWrappedAndUncheckedOnesPassAsTheyAre() {
    try (Hermes hermes = configured(Map.of("hermes.backend", "none"))) {
      assertThatThrownBy(() -> hermes.cached("k", String.class, () -> {
        throw new java.io.IOException("disk");
      })).isInstanceOf(HermesLoadException.class).hasCauseInstanceOf(java.io.IOException.class);
      assertThatThrownBy(() -> hermes.cached("k", String.class, () -> {
        throw new IllegalStateException("state");
      })).isExactlyInstanceOf(IllegalStateException.class);
    }
  }
}
