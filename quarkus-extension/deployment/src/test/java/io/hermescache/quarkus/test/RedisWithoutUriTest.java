package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In test (and dev) mode, the Redis backend without {@code hermes.redis.uri} says in one line what to set. */
class RedisWithoutUriTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withEmptyApplication()
      .overrideConfigKey("hermes.backend", "redis")
      .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
          && record.getMessage().contains("hermes.redis.uri"))
      .assertLogRecords(records -> assertThat(records).singleElement()
          .satisfies(record -> assertThat(record.getMessage()).contains("set hermes.redis.uri")));

  @Inject
  Hermes hermes;

  @Test
  void theApplicationStartsWithoutConnecting() {
    assertThat(hermes.backend().toString()).startsWith("RedisBackend");
  }
}
