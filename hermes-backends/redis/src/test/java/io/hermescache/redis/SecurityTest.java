package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.HermesException;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * Redis with an ACL user and password, and Redis over TLS with certificates made for the test run: both work
 * from configuration alone, an untrusted server is refused, and no password reaches a log line or an
 * exception, even with every logger at its finest level.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecurityTest {

  /** Characters that must be percent-encoded in the URI, to check they are decoded. */
  private static final String PASSWORD = "s3cret:p@ss/word";
  private static final String ENCODED_PASSWORD = "s3cret%3Ap%40ss%2Fword";
  private static final String WRONG_PASSWORD = "wr0ng-s3cret";
  private static final String TRUSTSTORE_PASSWORD = "trust-s3cret";

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringWriter line = new StringWriter();
      line.append(record.getLoggerName()).append(": ").append(new SimpleFormatter().formatMessage(record));
      if (record.getThrown() != null) {
        record.getThrown().printStackTrace(new PrintWriter(line));
      }
      logLines.add(line.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Map<String, Level> levels = new HashMap<>();
  private final AtomicInteger loads = new AtomicInteger();

  /** Every logger of Hermes and Jedis at its finest level, into {@link #logLines}. */
  @BeforeEach
  void captureLogs() {
    for (String name : List.of("", "io.hermescache", "redis.clients", "org.apache.commons.pool2")) {
      Logger logger = Logger.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.ALL);
    }
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void restoreLogs() {
    Logger.getLogger("").removeHandler(capture);
    levels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
  }

  @Test
  void anAclUserWithAPasswordFromTheUriCachesAndAWrongPasswordLeaksNowhere() {
    // passwords are set over a connection, not on the server's command line, which the JDK may log
    try (LocalRedis server = LocalRedis.start()) {
      try (RedisClient admin = RedisClient.builder().hostAndPort("127.0.0.1", server.port()).build()) {
        admin.sendCommand(Protocol.Command.ACL, "SETUSER", "hermes", "on", ">" + PASSWORD, "~cache:*", "+@all");
        admin.sendCommand(Protocol.Command.CONFIG, "SET", "requirepass", "admin-" + PASSWORD);
      }
      String address = "127.0.0.1:" + server.port() + "/0";

      try (Hermes hermes = redis("redis://hermes:" + ENCODED_PASSWORD + "@" + address, Map.of())) {
        assertThat(twoCalls(hermes)).as("the second call is a hit").containsExactly(1, 1);
        assertThat(hermes.stats().total().errors()).isZero();
      }

      try (Hermes hermes = redis("redis://hermes:" + WRONG_PASSWORD + "@" + address, Map.of())) {
        assertThat(twoCalls(hermes)).as("refused: both calls compute (bypass)").containsExactly(2, 3);
        assertThat(hermes.stats().total().errors()).isPositive();
      }
      try (Hermes hermes = redis("redis://hermes:" + WRONG_PASSWORD + "@" + address, Map.of("hermes.backend-failure", "propagate"))) {
        assertThatThrownBy(() -> twoCalls(hermes)).isInstanceOf(HermesException.class)
            .satisfies(error -> assertThat(everything(error)).doesNotContain(WRONG_PASSWORD));
      }
      server.stop();
      try (Hermes hermes = redis("redis://hermes:" + ENCODED_PASSWORD + "@" + address, Map.of())) {
        assertThat(twoCalls(hermes)).as("the server is gone: its failures are logged, without the password")
            .containsExactly(4, 5);
      }
    }
    assertThat(logLines).as("something was logged, so the check below means something").isNotEmpty();
    assertThat(logLines).noneMatch(line -> line.contains(PASSWORD) || line.contains(ENCODED_PASSWORD)
        || line.contains(WRONG_PASSWORD) || line.contains("s3cret"));
  }

  @Test
  void tlsWithTheTrustStoreFromConfigurationCachesAndAnUntrustedServerIsRefused() throws Exception {
    Path tls = Files.createDirectories(Path.of("target", "tls").toAbsolutePath());
    Path truststore = certificates(tls);
    try (LocalRedis server = LocalRedis.start(List.of("--port", "0", "--tls-port", LocalRedis.PORT,
        "--tls-cert-file", tls.resolve("server.crt").toString(), "--tls-key-file", tls.resolve("server.key").toString(),
        "--tls-ca-cert-file", tls.resolve("ca.crt").toString(), "--tls-auth-clients", "no"))) {
      String uri = "rediss://127.0.0.1:" + server.port() + "/0";

      try (Hermes hermes = redis(uri, Map.of("hermes.redis.tls.truststore", truststore.toString(),
          "hermes.redis.tls.truststore-password", TRUSTSTORE_PASSWORD))) {
        assertThat(twoCalls(hermes)).as("the second call is a hit, over TLS").containsExactly(1, 1);
        assertThat(hermes.stats().total().errors()).isZero();
      }
      try (Hermes hermes = redis(uri, Map.of())) {
        assertThat(twoCalls(hermes)).as("the JVM's trust store does not know this CA: refused, bypassed")
            .containsExactly(2, 3);
        assertThat(hermes.stats().total().errors()).isPositive();
      }
      try (Hermes hermes = redis(uri.replace("rediss:", "redis:"), Map.of())) {
        assertThat(twoCalls(hermes)).as("plain text to a TLS port: refused, bypassed").containsExactly(4, 5);
      }
    }
    assertThat(logLines).noneMatch(line -> line.contains(TRUSTSTORE_PASSWORD));
  }

  private Hermes redis(String uri, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.putAll(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri, "hermes.redis.timeout", "PT1S"));
    return Hermes.builder().configure(Settings.of(settings)).lockTimeout(Duration.ofSeconds(2)).build();
  }

  private List<Integer> twoCalls(Hermes hermes) {
    return List.of(call(hermes), call(hermes));
  }

  private int call(Hermes hermes) {
    return hermes.cached("secure", Integer.class, loads::incrementAndGet);
  }

  /** The messages and stack trace of {@code error} and its causes. */
  private static String everything(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /**
   * A CA, a server certificate it signs for 127.0.0.1 and localhost, and a PKCS12 trust store holding the CA,
   * made with openssl in {@code directory}; the trust store's path.
   */
  private static Path certificates(Path directory) throws IOException, InterruptedException, GeneralSecurityException {
    openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Hermes test CA",
        "-keyout", "ca.key", "-out", "ca.crt");
    openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
        "-out", "server.csr");
    Files.writeString(directory.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    openssl(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream ca = Files.newInputStream(directory.resolve("ca.crt"))) {
      store.setCertificateEntry("hermes-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
    }
    Path truststore = directory.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(truststore)) {
      store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
    }
    return truststore;
  }

  private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(directory.resolve("openssl.log").toFile()).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0)
        .as("%s succeeded (see %s)", command, directory.resolve("openssl.log")).isTrue();
  }
}
