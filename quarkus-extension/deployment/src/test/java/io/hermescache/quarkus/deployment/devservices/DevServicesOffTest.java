package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code hermes.devservices.enabled=false}, the Redis backend without {@code hermes.redis.uri} starts
 * nothing and says in one line what to set.
 */
class DevServicesOffTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Servers.class))
      .overrideConfigKey("hermes.backend", "redis")
      .overrideConfigKey("hermes.devservices.enabled", "false")
      .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
          && record.getMessage().contains("hermes.redis.uri"))
      .assertLogRecords(records -> assertThat(records).singleElement()
          .satisfies(record -> assertThat(record.getMessage()).contains("Dev Services are off")
              .contains("set hermes.redis.uri")));

  @Inject
  Hermes hermes;

  @Test
  void theApplicationStartsWithoutConnecting() throws IOException {
    assertThat(hermes.backend().toString()).startsWith("RedisBackend");
    assertThat(Servers.children("redis-server")).as("no redis-server started").isZero();
  }
}
