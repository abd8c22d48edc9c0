package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mutiny Uni and CompletionStage methods: the item is cached, never the Uni; the returned Uni is lazy. */
class UniTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class));

  @Inject
  Prices prices;

  @Inject
  Hermes hermes;

  @BeforeEach
  void reset() {
    hermes.clean();
    prices.reset();
  }

  @Test
  void theItemIsCachedAndEachSubscriptionReadsTheCache() {
    Uni<Long> price = prices.price("apple");
    assertThat(price.await().atMost(WAIT)).isEqualTo(5L);
    assertThat(price.await().atMost(WAIT)).as("a second subscription is a hit").isEqualTo(5L);
    assertThat(prices.price("apple").await().atMost(WAIT)).isEqualTo(5L);
    assertThat(prices.subscriptions()).isEqualTo(1);
  }

  @Test
  void nothingHappensUntilSubscribed() {
    Uni<Long> price = prices.price("pear");
    assertThat(prices.calls()).as("the method body has not run yet").isEqualTo(0);
    assertThat(prices.subscriptions()).isEqualTo(0);
    price.await().atMost(WAIT);
    assertThat(prices.subscriptions()).isEqualTo(1);
  }

  @Test
  void concurrentSubscribersOfAColdKeySubscribeToTheMethodsUniOnce() throws Exception {
    prices.holdNextPrice();
    List<CompletableFuture<Long>> subscribers = IntStream.range(0, 8)
        .mapToObj(i -> prices.price("plum").subscribeAsCompletionStage())
        .collect(Collectors.toList());
    assertThat(prices.awaitFirstSubscription()).isTrue();
    // no sleep: released once every subscriber has read the cache and missed, so each follows the
    // computation under way
    String price = Prices.class.getName() + ".price";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (hermes.stats().of(price).misses() < subscribers.size() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(hermes.stats().of(price).misses()).isGreaterThanOrEqualTo(subscribers.size());
    } finally {
      prices.releasePrice();
    }
    for (CompletableFuture<Long> subscriber : subscribers) {
      assertThat(subscriber.get(10, TimeUnit.SECONDS)).isEqualTo(4L);
    }
    assertThat(prices.subscriptions()).isEqualTo(1);
  }

  @Test
  void invalidateDropsTheEntryWithoutSubscribing() {
    prices.price("fig").await().atMost(WAIT);
    hermes.invalidate(() -> prices.price("fig"));
    prices.price("fig").await().atMost(WAIT);
    assertThat(prices.subscriptions()).isEqualTo(2);
  }

  @Test
  void hermesInvalidateOnAUniCleansOnceItsItemIsEmitted() {
    prices.price("kiwi").await().atMost(WAIT);
    Uni<Void> update = prices.update("kiwi");
    prices.price("kiwi").await().atMost(WAIT);
    assertThat(prices.subscriptions()).as("nothing cleaned before the update's Uni is subscribed to").isEqualTo(1);
    update.await().atMost(WAIT);
    prices.price("kiwi").await().atMost(WAIT);
    assertThat(prices.subscriptions()).isEqualTo(2);
  }

  @Test
  void completionStageValuesAreCachedToo() throws Exception {
    assertThat(prices.stock("apple").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(prices.stock("apple").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(prices.calls()).isEqualTo(1);
  }

  @ApplicationScoped
  public static class Prices {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile CountDownLatch firstSubscription = new CountDownLatch(1);
    private volatile CompletableFuture<Void> release = CompletableFuture.completedFuture(null);

    /** Its item comes once {@link #releasePrice()} is called, without holding a thread meanwhile (as real I/O). */
    @HermesCached(tags = "price:{name}")
    public Uni<Long> price(String name) {
      calls.incrementAndGet();
      return Uni.createFrom().completionStage(() -> {
        subscriptions.incrementAndGet();
        firstSubscription.countDown();
        return release.thenApply(released -> (long) name.length());
      });
    }

    @HermesInvalidate(tags = "price:{name}")
    public Uni<Void> update(String name) {
      return Uni.createFrom().voidItem();
    }

    @HermesCached
    public CompletionStage<Integer> stock(String name) {
      calls.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> 3, NEW_THREAD);
    }

    void holdNextPrice() {
      firstSubscription = new CountDownLatch(1);
      release = new CompletableFuture<>();
    }

    boolean awaitFirstSubscription() throws InterruptedException {
      return firstSubscription.await(10, TimeUnit.SECONDS);
    }

    void releasePrice() {
      release.complete(null);
    }

    void reset() {
      calls.set(0);
      subscriptions.set(0);
    }

    int calls() {
      return calls.get();
    }

    int subscriptions() {
      return subscriptions.get();
    }
  }
}
