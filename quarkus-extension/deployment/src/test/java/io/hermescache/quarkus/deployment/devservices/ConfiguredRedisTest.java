package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code hermes.redis.uri} of the application's own: Hermes' Dev Services start nothing and leave it as set. */
class ConfiguredRedisTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Servers.class))
      .overrideConfigKey("hermes.backend", "redis")
      .overrideConfigKey("hermes.redis.uri", "redis://127.0.0.1:1/0");

  @Inject
  HermesConfig config;

  @Test
  void nothingStarts() throws IOException {
    assertThat(config.redis().uri()).isEqualTo("redis://127.0.0.1:1/0");
    assertThat(Servers.children("redis-server")).isZero();
  }
}
