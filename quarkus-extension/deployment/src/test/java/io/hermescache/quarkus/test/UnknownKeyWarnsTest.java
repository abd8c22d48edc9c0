package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code hermes.*} key no Hermes module reads (a build's {@code -Dhermes.version}, a misspelt
 * {@code hermes.tll}) is reported with the closest known key, as Quarkus does for {@code quarkus.*}, and the
 * application starts.
 */
class UnknownKeyWarnsTest {

  static {
    // as Maven hands a build's -Dhermes.version=... to the test JVM
    System.setProperty("hermes.version", "1");
  }

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withEmptyApplication()
      .overrideRuntimeConfigKey("hermes.tll", "60")
      .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
          && record.getMessage().contains("configuration key"))
      .assertLogRecords(UnknownKeyWarnsTest::warnings);

  @Inject
  Hermes hermes;

  @AfterAll
  static void clearProperty() {
    System.clearProperty("hermes.version");
  }

  @Test
  void theApplicationStartsAndCaches() {
    assertThat(hermes.cached("probe", String.class, () -> "value")).isEqualTo("value");
    assertThat(hermes.stats().of("probe").misses()).isEqualTo(1);
  }

  private static void warnings(List<LogRecord> records) {
    List<String> messages = records.stream().map(UnknownKeyWarnsTest::format).collect(Collectors.toList());
    assertThat(messages).anySatisfy(message -> assertThat(message).contains("\"hermes.tll\"", "\"hermes.ttl\""));
    assertThat(messages).anySatisfy(message -> assertThat(message).contains("\"hermes.version\""));
  }

  private static String format(LogRecord record) {
    return record.getParameters() == null ? record.getMessage()
        : String.format(record.getMessage(), record.getParameters());
  }
}
