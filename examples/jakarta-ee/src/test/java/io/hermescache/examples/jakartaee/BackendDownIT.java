package io.hermescache.examples.jakartaee;

import static io.hermescache.examples.jakartaee.CatalogueTests.hermesCheck;
import static io.hermescache.examples.jakartaee.CatalogueTests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR configured for a Redis server that is down (nothing listens on its port), in the default failure mode,
 * {@code bypass}: the application still answers, computing every call, and stays ready; its readiness check
 * says the backend is unreachable. ({@link BackendDownInPropagateModeIT}: the same outage in {@code propagate}.)
 */
class BackendDownIT {

  @RegisterExtension
  static final PayaraMicro server = new PayaraMicro("api/cache/stats",
      () -> Map.of("hermes.backend", "redis", "hermes.redis.uri", unreachableRedis()));

  /** A Redis URI on which nothing listens: a backend that is down. */
  static String unreachableRedis() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "redis://127.0.0.1:" + socket.getLocalPort() + "/0";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theApplicationAnswersAndStaysReady() throws Exception {
    assertThat(send(server, "GET", "api/products/1", null).statusCode()).isEqualTo(200);

    HealthCheck hermes = hermesCheck(server, 200);

    assertThat(hermes.status()).isEqualTo("UP");
    assertThat(hermes.data()).containsEntry("reachable", "false").containsKey("error");
  }
}
