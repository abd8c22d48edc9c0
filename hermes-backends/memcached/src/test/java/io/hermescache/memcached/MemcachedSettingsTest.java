package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MemcachedSettingsTest {

  @Test
  void defaultsToOneLocalServerAndOneSecond() {
    MemcachedSettings settings = MemcachedSettings.from(Settings.of(Map.of()));

    assertThat(settings.servers()).containsExactly(InetSocketAddress.createUnresolved("localhost", 11211));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.credentials()).isEmpty();
  }

  @Test
  void readsServersWithOptionalPortsAndIpv6() {
    MemcachedSettings settings = MemcachedSettings.from(Settings.of(Map.of(
        "hermes.memcached.servers", " cache-1:11311, cache-2 ,[::1]:11411", "hermes.memcached.timeout", "250")));

    assertThat(settings.servers()).containsExactly(InetSocketAddress.createUnresolved("cache-1", 11311),
        InetSocketAddress.createUnresolved("cache-2", 11211), InetSocketAddress.createUnresolved("::1", 11411));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cache-1,,cache-2", "cache-1:port", "cache-1:0", "cache-1:70000", ":11211",
      "cache 1:11211", "cache-1:11211/x"})
  void namesTheKeyAndValueOfBadServers(String servers) {
    assertThatThrownBy(() -> MemcachedSettings.from(Settings.of(Map.of("hermes.memcached.servers", servers))))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.memcached.servers = " + servers + ":");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "PT0S", "soon", "-1"})
  void namesTheKeyAndValueOfABadTimeout(String timeout) {
    assertThatThrownBy(() -> MemcachedSettings.from(Settings.of(Map.of("hermes.memcached.timeout", timeout))))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.memcached.timeout = " + timeout);
  }

  @Test
  void wantsBothCredentialsOrNeitherAndNeverShowsThePassword() {
    assertThatThrownBy(() -> MemcachedSettings.from(Settings.of(Map.of("hermes.memcached.password", "s3cret"))))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessage("hermes.memcached.username = (not set): required when hermes.memcached.password is set");
    assertThatThrownBy(() -> MemcachedSettings.from(Settings.of(Map.of("hermes.memcached.username", "hermes"))))
        .hasMessage("hermes.memcached.password = (not set): required when hermes.memcached.username is set");

    MemcachedSettings settings = MemcachedSettings.from(Settings.of(Map.of(
        "hermes.memcached.username", "hermes", "hermes.memcached.password", "s3cret")));
    assertThat(settings.credentials()).hasValueSatisfying(credentials -> {
      assertThat(credentials.password()).isEqualTo("s3cret");
      assertThat(credentials.toString()).doesNotContain("s3cret");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"hermes:s3cret@cache-1:11211", "cache-0:11211,hermes:s3cret@cache-1:11211",
      "memcached://hermes:s3cret@cache-1", ":s3cret@cache-1:11211,cache-2"})
  void credentialsTypedIntoTheServerListAreNeverEchoed(String servers) {
    assertThatThrownBy(() -> MemcachedSettings.from(Settings.of(Map.of("hermes.memcached.servers", servers))))
        .isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.memcached.servers = ")
        .hasMessageContaining("***@cache-1")
        .hasMessageContaining("credentials belong in hermes.memcached.username and hermes.memcached.password")
        .message().doesNotContain("s3cret").doesNotContain("hermes:");
  }
}
