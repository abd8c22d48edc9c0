package io.hermescache.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.test.BackendContractTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessBackendTest extends BackendContractTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  @Override
  protected Backend createBackend() {
    return new InProcessBackend(10_000);
  }

  public record Basket(List<String> items) {}

  @Test
  void hitsShareOneDecodedInstanceUnlessCopyOnRead() {
    try (Hermes hermes = hermes().build()) {
      Basket first = hermes.cached("basket", Basket.class, () -> new Basket(List.of("apple")));
      Basket second = hermes.cached("basket", Basket.class, () -> null);
      Basket third = hermes.cached("basket", Basket.class, () -> null);
      assertThat(second).isEqualTo(first).isSameAs(third);
    }
    try (Hermes copying = Hermes.builder().backend(new InProcessBackend(100, true)).build()) {
      copying.cached("basket", Basket.class, () -> new Basket(List.of("apple")));
      Basket second = copying.cached("basket", Basket.class, () -> null);
      Basket third = copying.cached("basket", Basket.class, () -> null);
      assertThat(second).isEqualTo(third).isNotSameAs(third);
    }
  }

  @Test
  void boundedToMaxEntries() {
    InProcessBackend small = new InProcessBackend(100);
    for (int i = 0; i < 1000; i++) {
      small.set("k" + i, io.hermescache.spi.Payload.of("v"), Duration.ofMinutes(1));
    }
    assertThat(small.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void providerReadsItsSettings() {
    Backend configured = new InProcessBackendProvider().create(io.hermescache.spi.Settings.of(
        Map.of("hermes.inprocess.max-entries", "5")));
    assertThat(configured).isInstanceOf(InProcessBackend.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InProcessBackendProvider().create(
        io.hermescache.spi.Settings.of(Map.of("hermes.inprocess.max-entries", "-3"))))
        .hasMessage("hermes.inprocess.max-entries = -3: must be positive");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InProcessBackendProvider().create(
        io.hermescache.spi.Settings.of(Map.of("hermes.inprocess.copy-on-read", "sometimes"))))
        .hasMessage("hermes.inprocess.copy-on-read = sometimes: must be true or false");
  }

  @Test
  void theBackendCanBeReplacedAtRuntime() {
    InProcessBackend first = new InProcessBackend(100);
    InProcessBackend second = new InProcessBackend(100);
    try (Hermes hermes = Hermes.builder().backend(first).build()) {
      java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
      hermes.cached("k", Integer.class, runs::incrementAndGet);
      assertThat(hermes.backend(second)).isSameAs(first);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).as("a new, empty backend").isEqualTo(2);
      assertThat(second.snapshot()).containsKey("cache:entry:k");
      hermes.backend(first);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).isEqualTo(1);
    }
  }

  @Test
  void anExpiredValueIsServedWhileOneCallerRefreshesIt() throws Exception {
    java.util.concurrent.atomic.AtomicLong offsetMillis = new java.util.concurrent.atomic.AtomicLong();
    io.hermescache.spi.Clock system = io.hermescache.spi.Clock.system();
    io.hermescache.spi.Clock movable = new io.hermescache.spi.Clock() {
      @Override
      public long currentTimeMillis() {
        return system.currentTimeMillis() + offsetMillis.get();
      }

      @Override
      public long nanoTime() {
        return system.nanoTime() + offsetMillis.get() * 1_000_000;
      }

      @Override
      public Cancellable schedule(Runnable task, Duration delay) {
        return system.schedule(task, delay);
      }
    };
    // a long lock timeout: a caller that waited for the refresh instead of serving the old value would
    // compute 3 after it, so the value alone shows it did not wait
    try (Hermes hermes = hermes().ttl(Duration.ofMinutes(1)).clock(movable).lockTimeout(Duration.ofMinutes(5))
        .build()) {
      assertThat(hermes.cached("k", Integer.class, () -> 1)).isEqualTo(1);
      offsetMillis.set(Duration.ofSeconds(61).toMillis()); // expired, still kept for its grace time
      java.util.concurrent.CountDownLatch refreshing = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CompletableFuture<Integer> refresh = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> hermes.cached("k", Integer.class, () -> {
            refreshing.countDown();
            release.await();
            return 2;
          }), NEW_THREAD);
      refreshing.await();
      assertThat(hermes.cached("k", Integer.class, () -> 3)).as("the previous value, without waiting").isEqualTo(1);
      release.countDown();
      assertThat(refresh.get()).isEqualTo(2);
      assertThat(hermes.cached("k", Integer.class, () -> 4)).isEqualTo(2);
    }
  }
}
