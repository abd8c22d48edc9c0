package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedis;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * A caller on a single-threaded event loop is never blocked by a slow Redis: the server is made to sleep
 * with {@code DEBUG SLEEP} while the loop keeps calling {@code cachedAsync} and keeps ticking.
 */
class SlowRedisTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  private final LocalRedis server = LocalRedis.start(List.of("--enable-debug-command", "yes"));
  private final ExecutorService eventLoop = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    eventLoop.shutdownNow();
    server.close();
  }

  @Test
  void asyncCallersOnAnEventLoopAreNotBlockedWhileRedisSleeps() throws Exception {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis",
        "hermes.redis.uri", server.uri(), "hermes.redis.timeout", "PT5S"))).build();
        RedisClient sleeper = client()) {
      assertThat(call(hermes, "warm").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("warm");

      CompletableFuture<Object> asleep = CompletableFuture.supplyAsync(() -> sleeper.sendCommand(
          () -> "DEBUG".getBytes(), "SLEEP", "1.5"), NEW_THREAD);
      Thread.sleep(200);

      AtomicLong longestCall = new AtomicLong();
      List<CompletableFuture<String>> answers = new ArrayList<>();
      long ticksStart = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        String key = "key" + i;
        eventLoop.submit(() -> {
          long start = System.nanoTime();
          answers.add(call(hermes, key).toCompletableFuture());
          longestCall.accumulateAndGet(System.nanoTime() - start, Math::max);
        }).get(1, TimeUnit.SECONDS);
        Thread.sleep(50);
      }
      long loopTime = System.nanoTime() - ticksStart;

      assertThat(asleep).as("Redis was still asleep while the loop ran").isNotDone();
      assertThat(Duration.ofNanos(longestCall.get())).as("no call blocked the loop").isLessThan(Duration.ofMillis(100));
      assertThat(Duration.ofNanos(loopTime)).isLessThan(Duration.ofMillis(1200));
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("key" + i);
      }
      asleep.get(10, TimeUnit.SECONDS);
    }
  }

  private static CompletionStage<String> call(Hermes hermes, String key) {
    return hermes.cachedAsync(key, String.class, () -> CompletableFuture.completedFuture(key));
  }

  private RedisClient client() {
    URI uri = URI.create(server.uri());
    return RedisClient.builder().hostAndPort(new HostAndPort(uri.getHost(), uri.getPort())).build();
  }
}
