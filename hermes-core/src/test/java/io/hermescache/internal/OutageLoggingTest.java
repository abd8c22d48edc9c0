package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backend that fails every operation for two seconds under eight busy threads: every call answers, the
 * failures are counted, and the log gets one warning, not one per failure.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutageLoggingTest {

  /** Fails everything, as a server that went away. */
  private static final class DownBackend implements Backend {
    final AtomicInteger operations = new AtomicInteger();

    private RuntimeException down() {
      operations.incrementAndGet();
      return new IllegalStateException("connection refused (test)");
    }

    @Override
    public List<Payload> getAll(List<String> keys) {
      throw down();
    }

    @Override
    public void set(String key, Payload value, Duration ttl) {
      throw down();
    }

    @Override
    public boolean add(String key, Payload value, Duration ttl) {
      throw down();
    }

    @Override
    public void delete(String... keys) {
      throw down();
    }

    @Override
    public void unlock(String lockKey, String token) {
      throw down();
    }

    @Override
    public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
      throw down();
    }
  }

  @Test
  void anOutageLogsOneWarningHowEverManyCallsFail() throws Exception {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(Hermes.class.getName());
    logger.addHandler(capture);
    DownBackend backend = new DownBackend();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    AtomicInteger answered = new AtomicInteger();
    try (Hermes hermes = Hermes.builder().backend(backend).build()) {
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int caller = i;
        running.add(callers.submit(() -> {
          while (System.nanoTime() < end) {
            assertThat(hermes.cached("k" + caller, Integer.class, () -> caller)).isEqualTo(caller);
            answered.incrementAndGet();
          }
        }));
      }
      for (Future<?> caller : running) {
        caller.get(10, TimeUnit.SECONDS);
      }

      assertThat(answered).as("every call answers").hasValueGreaterThan(1_000);
      assertThat(backend.operations).as("the backend failed many times (the circuit lets probes through)")
          .hasValueGreaterThanOrEqualTo(3);
      assertThat(hermes.stats().total().errors()).as("each failure is counted").isEqualTo(backend.operations.get());
      assertThat(warnings).as("one warning for the whole outage").hasSize(1);
    } finally {
      callers.shutdownNow();
      logger.removeHandler(capture);
    }
  }
}
