package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Hostile input": statistics exist per method or group, never per key, and logs name an entry by
 * a short hash of its key, at every level, unless {@code hermes.log.keys=true}. Keys here carry what real
 * ones do (an e-mail address, a social security number), and every log record is searched for them.
 */
class NoArgumentValuesInLogsTest {

  private static final String SECRET = "@example.com:ssn=123-45-6789";

  private final FakeClock clock = new FakeClock();
  private final MemoryBackend backend = new MemoryBackend(clock);
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger hermesLogger = Logger.getLogger("io.hermescache");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(parameter);
        }
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        text.append(' ').append(trace);
      }
      logged.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previousLevel;

  @BeforeEach
  void captureEveryLevel() {
    previousLevel = hermesLogger.getLevel();
    hermesLogger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    hermesLogger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    hermesLogger.removeHandler(capture);
    hermesLogger.setLevel(previousLevel);
  }

  private Hermes hermes(boolean logKeys) {
    return Hermes.builder().backend(backend).clock(clock).prefix("p").executor(Runnable::run)
        .configure(Settings.of(Map.of("hermes.log.keys", String.valueOf(logKeys)))).build();
  }

  @Test
  void tenThousandDistinctKeysMakeOneStatisticsGroup() {
    try (Hermes hermes = hermes(false)) {
      for (int i = 0; i < 10_000; i++) {
        int n = i;
        hermes.cached("user-" + i + SECRET, Integer.class, () -> n);
      }
      assertThat(hermes.stats().byName()).containsOnlyKeys(HermesEngine.PROGRAMMATIC);
      assertThat(hermes.stats().total().loads()).isEqualTo(10_000);
    }
  }

  @Test
  void unreadableEntriesAndBackendFailuresAreLoggedWithoutTheKey() {
    try (Hermes hermes = hermes(false)) {
      provokeWarnings(hermes);
    }
    assertThat(logged).as("something was logged, at every level").isNotEmpty();
    assertThat(logged).noneMatch(line -> line.contains("example.com") || line.contains("123-45-6789"));
  }

  /** The same calls with {@code hermes.log.keys=true} log the key: the search above can fail. */
  @Test
  void withLogKeysOnTheKeyIsLogged() {
    try (Hermes hermes = hermes(true)) {
      provokeWarnings(hermes);
    }
    assertThat(logged).anyMatch(line -> line.contains("alice" + SECRET));
  }

  private void provokeWarnings(Hermes hermes) {
    String key = "alice" + SECRET;
    hermes.cached(key, Integer.class, () -> 1);
    String entryKey = KeyLayout.of("p").entryKey(key, KeyLimits.NONE);
    backend.set(entryKey, Payload.of("H\u0002 not an envelope"), Duration.ofMinutes(1));
    assertThat(hermes.<Integer>cached(key, Integer.class, () -> 2)).isEqualTo(2);
    backend.failing.add("getAll");
    assertThat(hermes.<Integer>cached(key, Integer.class, () -> 3)).isEqualTo(3);
    backend.failing.clear();
  }
}
