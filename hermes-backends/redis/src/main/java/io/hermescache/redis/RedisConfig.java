package io.hermescache.redis;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;

/**
 * How to reach Redis, read and checked from the {@code hermes.redis.*} keys (see {@link RedisBackendProvider}).
 * It holds the password but never shows it: {@link #toString()} and every error mask it.
 */
final class RedisConfig {

  static final String URI_KEY = "hermes.redis.uri";
  static final String TIMEOUT_KEY = "hermes.redis.timeout";
  static final String MAX_TOTAL_KEY = "hermes.redis.pool.max-total";
  static final String MAX_IDLE_KEY = "hermes.redis.pool.max-idle";
  static final String CLUSTER_KEY = "hermes.redis.cluster";
  static final String SENTINEL_MASTER_KEY = "hermes.redis.sentinel.master";
  static final String SENTINEL_NODES_KEY = "hermes.redis.sentinel.nodes";
  static final String TRUSTSTORE_KEY = "hermes.redis.tls.truststore";
  static final String TRUSTSTORE_PASSWORD_KEY = "hermes.redis.tls.truststore-password";
  static final String TRUSTSTORE_TYPE_KEY = "hermes.redis.tls.truststore-type";

  static final String DEFAULT_URI = "redis://localhost:6379/0";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  static final int DEFAULT_MAX_TOTAL = 16;
  private static final int DEFAULT_PORT = 6379;

  private enum Topology { STANDALONE, CLUSTER, SENTINEL }

  private final Topology topology;
  private final boolean tls;
  private final String user;
  private final String password;
  private final int database;
  private final HostAndPort server;
  private final Set<HostAndPort> nodes;
  private final String sentinelMaster;
  private final int timeoutMillis;
  private final int maxTotal;
  private final int maxIdle;
  private final SslOptions trustStore;

  private RedisConfig(Settings settings) {
    String uriText = settings.get(URI_KEY, DEFAULT_URI).trim();
    URI uri = parseUri(uriText);
    tls = "rediss".equals(uri.getScheme());
    server = new HostAndPort(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    database = database(uri, uriText);
    String userInfo = uri.getUserInfo();
    if (userInfo != null && userInfo.indexOf(':') < 0) {
      throw badUri(uriText, "the user info must be user:password or :password");
    }
    user = userInfo == null || userInfo.startsWith(":") ? null : userInfo.substring(0, userInfo.indexOf(':'));
    password = userInfo == null ? null : userInfo.substring(userInfo.indexOf(':') + 1);

    Optional<String> cluster = settings.get(CLUSTER_KEY).filter(value -> !value.isBlank());
    Optional<String> master = settings.get(SENTINEL_MASTER_KEY).filter(value -> !value.isBlank());
    if (cluster.isPresent() && master.isPresent()) {
      throw HermesConfigurationException.badValue(SENTINEL_MASTER_KEY, master.get(),
          "cannot be combined with " + CLUSTER_KEY + " = " + withoutUserInfo(cluster.get()) + "; set one of them");
    }
    if (cluster.isPresent()) {
      if (database != 0) {
        throw badUri(uriText, "Redis Cluster has only database 0, so the URI of a cluster must not name another");
      }
      topology = Topology.CLUSTER;
      nodes = hostsAndPorts(CLUSTER_KEY, cluster.get());
      sentinelMaster = null;
    } else if (master.isPresent()) {
      topology = Topology.SENTINEL;
      String sentinels = settings.get(SENTINEL_NODES_KEY).filter(value -> !value.isBlank()).orElseThrow(() ->
          HermesConfigurationException.badValue(SENTINEL_NODES_KEY, "(not set)",
              "required with " + SENTINEL_MASTER_KEY + "; list the sentinels as host:port,host:port"));
      nodes = hostsAndPorts(SENTINEL_NODES_KEY, sentinels);
      sentinelMaster = master.get().trim();
    } else {
      topology = Topology.STANDALONE;
      nodes = Set.of();
      sentinelMaster = null;
    }

    Duration timeout = settings.getDuration(TIMEOUT_KEY, DEFAULT_TIMEOUT);
    if (timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw HermesConfigurationException.badValue(TIMEOUT_KEY, settings.get(TIMEOUT_KEY, timeout.toString()),
          "must be positive and under 24 days");
    }
    timeoutMillis = (int) Math.max(1, timeout.toMillis());
    maxTotal = positive(MAX_TOTAL_KEY, settings.getInt(MAX_TOTAL_KEY, DEFAULT_MAX_TOTAL));
    maxIdle = positive(MAX_IDLE_KEY, settings.getInt(MAX_IDLE_KEY, maxTotal));
    trustStore = trustStore(settings, tls, uriText);
  }

  /**
   * The servers' certificates are checked against {@code hermes.redis.tls.truststore} if set, else against the
   * JVM's trust store ({@code javax.net.ssl.trustStore}); the host name is checked in both cases.
   */
  private static SslOptions trustStore(Settings settings, boolean tls, String uriText) {
    Optional<String> path = settings.get(TRUSTSTORE_KEY).map(String::trim).filter(value -> !value.isEmpty());
    if (path.isEmpty()) {
      return null;
    }
    if (!tls) {
      throw HermesConfigurationException.badValue(TRUSTSTORE_KEY, path.get(), "is for TLS, but " + URI_KEY + " = "
          + withoutPassword(uriText) + " does not use it; write rediss:// to connect with TLS");
    }
    File file = new File(path.get());
    if (!file.isFile() || !file.canRead()) {
      throw HermesConfigurationException.badValue(TRUSTSTORE_KEY, path.get(), "no readable file there");
    }
    char[] password = settings.get(TRUSTSTORE_PASSWORD_KEY).map(String::toCharArray).orElse(null);
    String type = settings.get(TRUSTSTORE_TYPE_KEY, KeyStore.getDefaultType()).trim();
    try {
      KeyStore.getInstance(type);
    } catch (KeyStoreException e) {
      throw HermesConfigurationException.badValue(TRUSTSTORE_TYPE_KEY, type, "not a key store type of this JVM (e.g. PKCS12, JKS)");
    }
    return SslOptions.builder().truststore(file, password).trustStoreType(type).sslVerifyMode(SslVerifyMode.FULL).build();
  }

  /** The configuration in {@code settings}; bad values throw {@link HermesConfigurationException} naming key and value. */
  static RedisConfig from(Settings settings) {
    return new RedisConfig(settings);
  }

  boolean cluster() {
    return topology == Topology.CLUSTER;
  }

  /**
   * A new client. A standalone client connects on its first command; cluster and sentinel clients connect
   * here, to learn the topology, which is why {@link RedisBackend} calls this only on its first operation.
   */
  UnifiedJedis newClient() {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(maxTotal);
    pool.setMaxIdle(maxIdle);
    pool.setMaxWait(Duration.ofMillis(timeoutMillis));
    switch (topology) {
      case CLUSTER:
        return RedisClusterClient.builder().nodes(nodes).clientConfig(clientConfig(false)).poolConfig(pool).build();
      case SENTINEL:
        return RedisSentinelClient.builder().masterName(sentinelMaster).sentinels(nodes)
            .clientConfig(clientConfig(true)).sentinelClientConfig(sentinelClientConfig()).poolConfig(pool).build();
      default:
        return RedisClient.builder().hostAndPort(server).clientConfig(clientConfig(true)).poolConfig(pool).build();
    }
  }

  private JedisClientConfig clientConfig(boolean selectDatabase) {
    DefaultJedisClientConfig.Builder builder = withTls(DefaultJedisClientConfig.builder())
        .connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis).user(user).password(password);
    return (selectDatabase ? builder.database(database) : builder).build();
  }

  /** Sentinels are reached with the same TLS and timeouts, without the master's credentials. */
  private JedisClientConfig sentinelClientConfig() {
    return withTls(DefaultJedisClientConfig.builder()).connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis).build();
  }

  /** TLS as configured, checking the server's certificate and host name; nothing without {@code rediss://}. */
  private DefaultJedisClientConfig.Builder withTls(DefaultJedisClientConfig.Builder builder) {
    if (!tls) {
      return builder;
    }
    if (trustStore != null) {
      return builder.ssl(true).sslOptions(trustStore);
    }
    // The JVM's default socket factory checks the certificate chain but not the host name unless told to.
    SSLParameters hostNameChecked = new SSLParameters();
    hostNameChecked.setEndpointIdentificationAlgorithm("HTTPS");
    return builder.ssl(true).sslParameters(hostNameChecked);
  }

  /** Where the backend goes, for logs and errors; without the password. */
  @Override
  public String toString() {
    String scheme = tls ? "rediss://" : "redis://";
    String account = user == null ? "" : user + "@";
    switch (topology) {
      case CLUSTER:
        return "Redis Cluster " + scheme + account + join(nodes);
      case SENTINEL:
        return "Redis Sentinel master " + sentinelMaster + " via " + scheme + account + join(nodes) + "/" + database;
      default:
        return scheme + account + server + "/" + database;
    }
  }

  /** {@code uri} with the password, or a user info that might be one, replaced by {@code ***}. */
  static String withoutPassword(String uri) {
    int at = uri.lastIndexOf('@');
    int authority = uri.indexOf("://");
    int start = authority < 0 ? 0 : authority + 3;
    if (at < start) {
      return uri;
    }
    String userInfo = uri.substring(start, at);
    int colon = userInfo.indexOf(':');
    return uri.substring(0, start) + (colon < 0 ? "" : userInfo.substring(0, colon + 1)) + "***" + uri.substring(at);
  }

  /**
   * {@code nodes} (host:port items separated by commas) with anything before an {@code @} in an item replaced
   * by {@code ***}: a node list has no place for credentials, so what was typed there may be one.
   */
  static String withoutUserInfo(String nodes) {
    return Arrays.stream(nodes.split(",", -1))
        .map(node -> node.indexOf('@') < 0 ? node : "***" + node.substring(node.lastIndexOf('@')))
        .collect(Collectors.joining(","));
  }

  private static URI parseUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw badUri(text, "not a URI (" + e.getReason() + "; percent-encode special characters in the password)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw badUri(text, "the scheme must be redis:// or rediss:// (TLS)");
    }
    if (uri.getHost() == null) {
      throw badUri(text, "no host, or a port that is not a number (expected redis://[user:password@]host[:port][/database])");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw badUri(text, "query and fragment are not supported; timeouts and pool size have keys of their own ("
          + TIMEOUT_KEY + ", " + MAX_TOTAL_KEY + ")");
    }
    return uri;
  }

  private static int database(URI uri, String text) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String digits = path.startsWith("/") ? path.substring(1) : path;
    if (digits.isEmpty()) {
      return 0;
    }
    if (!digits.matches("\\d{1,5}")) {
      throw badUri(text, "the path must be a database number, e.g. /0");
    }
    return Integer.parseInt(digits);
  }

  private static Set<HostAndPort> hostsAndPorts(String key, String value) {
    Set<HostAndPort> parsed = new LinkedHashSet<>();
    for (String node : value.split(",")) {
      String trimmed = node.trim();
      int colon = trimmed.lastIndexOf(':');
      try {
        if (colon <= 0 || trimmed.indexOf('@') >= 0) {
          throw new NumberFormatException("no port, or user info");
        }
        int port = Integer.parseInt(trimmed.substring(colon + 1));
        if (port <= 0 || port > 65_535) {
          throw new NumberFormatException("port out of range");
        }
        parsed.add(new HostAndPort(trimmed.substring(0, colon), port));
      } catch (NumberFormatException e) {
        throw HermesConfigurationException.badValue(key, withoutUserInfo(value),
            "'" + withoutUserInfo(trimmed) + "' is not host:port (expected host:port,host:port; credentials belong in "
            + URI_KEY + ")");
      }
    }
    return Collections.unmodifiableSet(parsed);
  }

  private static int positive(String key, int value) {
    if (value <= 0) {
      throw HermesConfigurationException.badValue(key, String.valueOf(value), "must be positive");
    }
    return value;
  }

  private static HermesConfigurationException badUri(String uri, String why) {
    return HermesConfigurationException.badValue(URI_KEY, withoutPassword(uri), why);
  }

  private static String join(Set<HostAndPort> hosts) {
    return hosts.stream().map(HostAndPort::toString).sorted().collect(Collectors.joining(","));
  }
}
