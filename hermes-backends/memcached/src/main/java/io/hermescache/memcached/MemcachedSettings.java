package io.hermescache.memcached;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code hermes.memcached.*} configuration, checked without connecting or resolving host names.
 *
 * @param servers the servers, in the order configured; host names are resolved when the client connects
 * @param timeout how long one operation may take before it fails
 * @param credentials SASL PLAIN credentials, if the servers require them
 */
record MemcachedSettings(List<InetSocketAddress> servers, Duration timeout, Optional<Credentials> credentials) {

  static final String SERVERS = "hermes.memcached.servers";
  static final String TIMEOUT = "hermes.memcached.timeout";
  static final String USERNAME = "hermes.memcached.username";
  static final String PASSWORD = "hermes.memcached.password";

  static final int DEFAULT_PORT = 11211;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  MemcachedSettings {
    servers = List.copyOf(servers);
  }

  static MemcachedSettings from(Settings settings) {
    Duration timeout = settings.getDuration(TIMEOUT, DEFAULT_TIMEOUT);
    if (timeout.isZero()) {
      throw HermesConfigurationException.badValue(TIMEOUT, settings.get(TIMEOUT, ""), "must be positive");
    }
    return new MemcachedSettings(servers(settings.get(SERVERS, "localhost:" + DEFAULT_PORT)), timeout,
        credentials(settings));
  }

  /** {@code host[:port]} items separated by commas; an IPv6 host is written in brackets, {@code [::1]:11211}. */
  private static List<InetSocketAddress> servers(String value) {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String item : value.split(",")) {
      String server = item.trim();
      if (server.isEmpty()) {
        throw HermesConfigurationException.badValue(SERVERS, withoutUserInfo(value), "expected host:port items separated by commas");
      }
      servers.add(server(server, value));
    }
    return servers;
  }

  private static InetSocketAddress server(String server, String value) {
    try {
      URI uri = new URI("memcached://" + server);
      String host = uri.getHost();
      int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
      if (host != null && port > 0 && port <= 65535 && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return InetSocketAddress.createUnresolved(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
      }
    } catch (URISyntaxException e) {
      // reported below, like any other item that is not host:port
    }
    throw HermesConfigurationException.badValue(SERVERS, withoutUserInfo(value), "'" + withoutUserInfo(server)
        + "' is not host:port (port 1-65535, default " + DEFAULT_PORT + "; an IPv6 address in brackets: [::1]:11211;"
        + " credentials belong in " + USERNAME + " and " + PASSWORD + ")");
  }

  /**
   * {@code servers} with anything before an {@code @} in an item replaced by {@code ***}: the list has no place
   * for credentials, so what was typed there may be one.
   */
  static String withoutUserInfo(String servers) {
    return String.join(",", java.util.Arrays.stream(servers.split(",", -1))
        .map(server -> server.indexOf('@') < 0 ? server : "***" + server.substring(server.lastIndexOf('@'))).toList());
  }

  /** Both keys or neither; the password never appears in a message. */
  private static Optional<Credentials> credentials(Settings settings) {
    Optional<String> username = settings.get(USERNAME).filter(name -> !name.isBlank());
    Optional<String> password = settings.get(PASSWORD).filter(secret -> !secret.isEmpty());
    if (username.isPresent() != password.isPresent()) {
      String missing = username.isPresent() ? PASSWORD : USERNAME;
      String given = username.isPresent() ? USERNAME : PASSWORD;
      throw HermesConfigurationException.badValue(missing, "(not set)", "required when " + given + " is set");
    }
    return username.map(name -> new Credentials(name.trim(), password.get()));
  }

  /** The servers as {@code hermes.memcached.servers} lists them. */
  String describeServers() {
    return String.join(",", servers.stream().map(server -> server.getHostString() + ":" + server.getPort()).toList());
  }

  /** SASL PLAIN credentials; {@link #toString()} hides the password. */
  record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=****]";
    }
  }
}
