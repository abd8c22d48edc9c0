package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test mode, {@code hermes.backend=memcached}, no {@code hermes.memcached.servers}, no Docker engine: the
 * {@code memcached} of the {@code PATH} is started on a free loopback port, holds the cached entry, and
 * is stopped with the application.
 */
class MemcachedDevServiceTest {

  private static final String STARTED = "devservices-test.memcached";

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class, Servers.class))
      .overrideConfigKey("hermes.backend", "memcached")
      .setAfterAllCustomizer(MemcachedDevServiceTest::theServerIsStopped);

  @Inject
  Prices prices;

  @Inject
  HermesConfig config;

  @Test
  void aCachedMethodIsServedFromTheMemcachedItStarted() throws IOException {
    String servers = config.memcached().servers();
    assertThat(servers).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:11211");
    System.setProperty(STARTED, servers);
    int itemsBefore = items(servers);

    assertThat(prices.of("plum")).isEqualTo("plum #1");
    assertThat(prices.of("plum")).as("a hit").isEqualTo("plum #1");
    assertThat(items(servers)).as("the entry is in that memcached").isGreaterThan(itemsBefore);
    assertThat(Servers.children("memcached")).isEqualTo(1);
  }

  /** {@code curr_items} of memcached's {@code stats}, read over its text protocol. */
  private static int items(String hostAndPort) throws IOException {
    String[] address = hostAndPort.split(":");
    try (Socket socket = new Socket(address[0], Integer.parseInt(address[1]))) {
      OutputStream out = socket.getOutputStream();
      out.write("stats\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null && !line.equals("END"); line = in.readLine()) {
        if (line.startsWith("STAT curr_items ")) {
          return Integer.parseInt(line.substring("STAT curr_items ".length()).trim());
        }
      }
    }
    throw new IllegalStateException("no curr_items in memcached's stats");
  }

  private static void theServerIsStopped() {
    assertThat(System.getProperty(STARTED)).as("the test ran").isNotNull();
    String[] address = System.clearProperty(STARTED).split(":");
    assertThat(Servers.accepts(address[0], Integer.parseInt(address[1]))).as("memcached stopped with the application")
        .isFalse();
  }
}
