package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

  private static Backend create(Map<String, String> settings) {
    return new RedisBackendProvider().create(Settings.of(settings));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "redis://alice:s3cret@host:port/0 | redis://alice:***@host:port/0 | no host",
      "http://alice:s3cret@host:6379    | http://alice:***@host:6379    | scheme must be redis:// or rediss://",
      "redis://alice:s3cret@host/db1    | redis://alice:***@host/db1    | database number",
      "redis://s3cret@host:6379         | redis://***@host:6379         | user:password or :password",
      "redis://:s3cret@host:6379/0?x=1  | redis://:***@host:6379/0?x=1  | query and fragment are not supported",
      "redis://:s3c ret@host            | redis://:***@host             | not a URI",
  })
  void aBadUriIsNamedWithoutItsPassword(String uri, String shown, String why) {
    assertThatThrownBy(() -> create(Map.of("hermes.redis.uri", uri)))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.redis.uri = " + shown + ": ")
        .hasMessageContaining(why)
        .message().doesNotContain("s3cret");
  }

  @Test
  void describesTheServerWithoutThePassword() {
    Backend backend = create(Map.of("hermes.redis.uri", "rediss://alice:s3cret@cache.example:6380/2"));
    assertThat(backend).hasToString("RedisBackend[rediss://alice@cache.example:6380/2]");
  }

  @Test
  void clusterAndSentinelAreDescribedByTheirNodes() {
    assertThat(create(Map.of("hermes.redis.cluster", "10.0.0.1:7000, 10.0.0.2:7000",
        "hermes.redis.uri", "redis://:pw@ignored")))
        .hasToString("RedisBackend[Redis Cluster redis://10.0.0.1:7000,10.0.0.2:7000]");
    assertThat(create(Map.of("hermes.redis.sentinel.master", "mymaster", "hermes.redis.sentinel.nodes", "s1:26379")))
        .hasToString("RedisBackend[Redis Sentinel master mymaster via redis://s1:26379/0]");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "hermes.redis.cluster         | 10.0.0.1:7000,10.0.0.2   | '10.0.0.2' is not host:port",
      "hermes.redis.cluster         | 10.0.0.1:99999           | '10.0.0.1:99999' is not host:port",
      "hermes.redis.timeout         | soon                     | not a duration",
      "hermes.redis.timeout         | 0                        | must be positive",
      "hermes.redis.pool.max-total  | 0                        | must be positive",
      "hermes.redis.pool.max-idle   | many                     | not a whole number",
      "hermes.redis.sentinel.master | mymaster                 | hermes.redis.sentinel.nodes = (not set): required",
  })
  void aBadSettingIsNamedWithItsValue(String key, String value, String why) {
    assertThatThrownBy(() -> create(Map.of(key, value)))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageContaining(why)
        .hasMessageContaining(why.startsWith("hermes.") ? "" : key + " = " + value);
  }

  @Test
  void aClusterHasOnlyDatabaseZero() {
    assertThatThrownBy(() -> create(Map.of("hermes.redis.cluster", "h:7000", "hermes.redis.uri", "redis://h/3")))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.redis.uri = redis://h/3: Redis Cluster has only database 0");
  }

  @Test
  void clusterAndSentinelExcludeEachOther() {
    assertThatThrownBy(() -> create(Map.of("hermes.redis.cluster", "h:7000",
        "hermes.redis.sentinel.master", "m", "hermes.redis.sentinel.nodes", "s:26379")))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageContaining("hermes.redis.sentinel.master = m: cannot be combined with hermes.redis.cluster");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "hermes.redis.tls.truststore      | /no/such/truststore.p12 | rediss://h | no readable file there",
      "hermes.redis.tls.truststore      | pom.xml                 | redis://h  | is for TLS, but hermes.redis.uri = redis://h does not use it",
      "hermes.redis.tls.truststore-type | PKCS13                  | rediss://h | not a key store type",
  })
  void aBadTlsSettingIsNamedWithItsValue(String key, String value, String uri, String why) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of("hermes.redis.uri", uri, key, value));
    settings.putIfAbsent("hermes.redis.tls.truststore", "pom.xml");
    assertThatThrownBy(() -> create(settings))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith(key + " = " + value + ": " + why);
  }

  @Test
  void theTrustStorePasswordIsNeverShown() {
    assertThatThrownBy(() -> create(Map.of("hermes.redis.uri", "rediss://h", "hermes.redis.tls.truststore", "pom.xml",
        "hermes.redis.tls.truststore-password", "trust-s3cret", "hermes.redis.tls.truststore-type", "PKCS13")))
        .isInstanceOf(HermesConfigurationException.class).message().doesNotContain("trust-s3cret");
  }

  @Test
  void hermesFindsTheBackendByName() {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis",
        "hermes.redis.uri", "redis://127.0.0.1:1/0"))).build()) {
      assertThat(hermes.backend()).isInstanceOf(RedisBackend.class)
          .hasToString("RedisBackend[redis://127.0.0.1:1/0]");
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "hermes.redis.cluster        | alice:s3cret@10.0.0.1:7000,10.0.0.2:7000",
      "hermes.redis.cluster        | 10.0.0.1:7000,redis://alice:s3cret@10.0.0.2",
      "hermes.redis.cluster        | :s3cret@10.0.0.1",
      "hermes.redis.sentinel.nodes | alice:s3cret@s1",
  })
  void credentialsTypedIntoANodeListAreNeverEchoed(String key, String nodes) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of(key, nodes));
    if (key.contains("sentinel")) {
      settings.put("hermes.redis.sentinel.master", "mymaster");
    }
    assertThatThrownBy(() -> create(settings))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith(key + " = ")
        .hasMessageContaining("***@")
        .message().doesNotContain("s3cret").doesNotContain("alice");
  }

  @Test
  void aClusterListBesideASentinelMasterIsNotEchoedWithCredentials() {
    assertThatThrownBy(() -> create(Map.of("hermes.redis.cluster", "alice:s3cret@h:7000",
        "hermes.redis.sentinel.master", "m", "hermes.redis.sentinel.nodes", "s:26379")))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageContaining("hermes.redis.cluster = ***@h:7000")
        .message().doesNotContain("s3cret");
  }
}
