package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hermes on a real memcached started with SASL ({@code -S}): Cyrus SASL, mechanism PLAIN, users in a
 * sasldb file made by {@code saslpasswd2} (Debian: sasl2-bin; {@code scripts/test} installs it). No daemon is
 * needed: memcached reads the file named by its own configuration. Skipped, saying why, when memcached was
 * built without SASL or {@code saslpasswd2} is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemcachedSaslTest {

  private static final String USER = "hermes";
  private static final String PASSWORD = "s3cret-" + Long.toHexString(System.nanoTime());

  private static LocalServer server;
  private final AtomicInteger loads = new AtomicInteger();

  @BeforeAll
  static void startServerWithSasl() throws Exception {
    Optional<Path> memcached = LocalServer.find("memcached");
    Optional<Path> saslpasswd2 = LocalServer.find("saslpasswd2");
    assumeTrue(memcached.isPresent(), "memcached is not installed");
    assumeTrue(run(List.of(memcached.get().toString(), "-h")).contains("enable-sasl"),
        "this memcached was built without SASL");
    assumeTrue(saslpasswd2.isPresent(), "saslpasswd2 is not installed (Debian/Ubuntu: apt-get install sasl2-bin)");

    Path directory = Files.createDirectories(Path.of("target", "servers", "sasl").toAbsolutePath());
    Path database = directory.resolve("sasldb2");
    Files.deleteIfExists(database);
    Process create = new ProcessBuilder(saslpasswd2.get().toString(), "-p", "-c", "-f", database.toString(),
        "-a", "memcached", USER).redirectErrorStream(true).start();
    create.getOutputStream().write(PASSWORD.getBytes(StandardCharsets.UTF_8));
    create.getOutputStream().close();
    String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(create.waitFor()).as("saslpasswd2: %s", output).isZero();
    Files.writeString(directory.resolve("memcached.conf"), "mech_list: plain\nsasldb_path: " + database + "\n");

    server = LocalServer.start(memcached.get(), port -> List.of("-S", "-p", String.valueOf(port), "-U", "0",
        "-l", "127.0.0.1", "-m", "64", "-u", System.getProperty("user.name")),
        Map.of("SASL_CONF_PATH", directory.toString()));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void cachesWithTheRightCredentials() {
    try (Hermes hermes = hermes(PASSWORD)) {
      assertThat(call(hermes)).isEqualTo(1);
      assertThat(call(hermes)).as("served from memcached").isEqualTo(1);
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  @Test
  void aWrongPasswordBypassesTheCacheAndCountsErrors() {
    try (Hermes hermes = hermes("wrong")) {
      assertThat(call(hermes)).isEqualTo(1);
      assertThat(call(hermes)).as("computed again: nothing could be stored").isEqualTo(2);
      assertThat(hermes.stats().total().errors()).isPositive();
    }
  }

  private Hermes hermes(String password) {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
        "hermes.memcached.servers", server.host() + ":" + server.port(), "hermes.memcached.timeout", "PT1S",
        "hermes.memcached.username", USER, "hermes.memcached.password", password,
        "hermes.prefix", "sasl-" + System.nanoTime()))).build();
  }

  private int call(Hermes hermes) {
    return hermes.cached("answer", Integer.class, loads::incrementAndGet);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
