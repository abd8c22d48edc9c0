package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.KeyGenerator;
import io.hermescache.TtlPolicy;
import io.hermescache.inprocess.InProcessBackend;
import io.hermescache.internal.ArgumentHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HermesCache test scenarios, through CDI beans in Weld, on the in-process backend. */
@EnableWeld
class CachingTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(Containers.weld(Example.class, Nested.class, Users.class,
      WholeClassCached.class, UserRepository.class, OrderRepository.class, Custom.class, ShortKeys.class, Async.class))
      .build();

  @Inject
  Hermes hermes;

  @Inject
  Example example;

  @BeforeAll
  static void defaultConfiguration() {
    TestConfig.useDefaults();
  }

  @Test
  void aPlainMethodRunsOnceForEqualArgumentsUnderTheDocumentedKey() {
    for (int i = 0; i < 4; i++) {
      assertThat(example.foo(2, 333)).isEqualTo(666);
    }

    assertThat(example.runs()).containsExactly("foo 2 333");
    String hash = ArgumentHash.of(new Class<?>[] {int.class, int.class}, new Object[] {2, 333});
    assertThat(keys()).containsOnlyOnce("cache:entry:" + Example.class.getName() + ":foo:" + hash);
    assertThat(hermes.stats().of(Example.class.getName() + ".foo").hits()).isEqualTo(3);
  }

  @Test
  void differentArgumentsAreDifferentEntries() {
    example.foo(2, 333);
    example.foo(333, 2);
    example.foo(2, 333);

    assertThat(example.runs()).containsExactly("foo 2 333", "foo 333 2");
  }

  @Test
  void aTaggedMethodStoresItsEntryAndTagVersions() {
    assertThat(example.bar(2, 10)).isEqualTo(1024.0);
    assertThat(example.bar(2, 10)).isEqualTo(1024.0);

    assertThat(example.runs()).containsExactly("bar 2 10");
    assertThat(keys()).contains("cache:tag:math", "cache:tag:power")
        .anyMatch(key -> key.startsWith("cache:entry:" + Example.class.getName() + ":bar:"));
  }

  @Test
  void aKeyTemplateIsTheEntryKey() {
    assertThat(example.baz(2, 10)).isEqualTo(6.0);
    assertThat(example.baz(2, 10)).isEqualTo(6.0);

    assertThat(example.runs()).containsExactly("baz 2 10");
    assertThat(keys()).contains("cache:entry:avg:2:10", "cache:tag:avg");
  }

  @Test
  void nestedCachedCallsAreCachedBoth(Nested nested) {
    assertThat(nested.outer(3)).isEqualTo("outer(" + 6 + ")");
    assertThat(nested.outer(3)).isEqualTo("outer(" + 6 + ")");
    assertThat(example.foo(3, 2)).isEqualTo(6);

    assertThat(nested.runs()).isEqualTo(1);
    assertThat(example.runs()).containsExactly("foo 3 2");
  }

  @Test
  void invalidateDropsExactlyTheEntryACallWouldRead() {
    example.foo(2, 333);
    example.bar(2, 10);
    example.baz(2, 10);

    hermes.invalidate(() -> example.foo(2, 333));
    hermes.invalidate(() -> example.bar(2, 10));
    example.foo(2, 333);
    example.bar(2, 10);
    example.baz(2, 10);

    assertThat(example.runs()).containsExactly("foo 2 333", "bar 2 10", "baz 2 10", "foo 2 333", "bar 2 10");
  }

  @Test
  void invalidateDoesNotRunTheBodyAndYieldsZeroForPrimitives() {
    example.foo(2, 333);
    long[] seen = {-1};

    hermes.invalidate(() -> seen[0] = example.foo(2, 333));

    assertThat(seen[0]).isZero();
    assertThat(example.runs()).containsExactly("foo 2 333");
  }

  @Test
  void invalidateOfAnUncachedCallIsRefused() {
    assertThatThrownBy(() -> hermes.invalidate(() -> example.uncached())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reached no @HermesCached method");
  }

  @Test
  void cleaningATagDropsItsEntriesOnly() {
    example.bar(2, 10);
    example.baz(2, 10);
    example.foo(2, 333);

    hermes.clean("power");
    example.bar(2, 10);
    example.baz(2, 10);
    example.foo(2, 333);
    hermes.clean("math");
    example.bar(2, 10);
    example.baz(2, 10);
    example.foo(2, 333);

    assertThat(example.runs()).containsExactly("bar 2 10", "baz 2 10", "foo 2 333", "bar 2 10", "bar 2 10", "baz 2 10");
  }

  @Test
  void cleanDropsEverything() {
    example.bar(2, 10);
    example.foo(2, 333);

    hermes.clean();
    example.bar(2, 10);
    example.foo(2, 333);

    assertThat(example.runs()).containsExactly("bar 2 10", "foo 2 333", "bar 2 10", "foo 2 333");
  }

  @Test
  void nullsAreCached() {
    assertThat(example.nothing("x")).isNull();
    assertThat(example.nothing("x")).isNull();

    assertThat(example.runs()).containsExactly("nothing x");
  }

  @Test
  void exceptionsAreNeverCached() {
    assertThatThrownBy(() -> example.failing(1)).isInstanceOf(IllegalStateException.class).hasMessage("failed 1");
    assertThatThrownBy(() -> example.failing(1)).isInstanceOf(IllegalStateException.class).hasMessage("failed 1");

    assertThat(example.runs()).containsExactly("failing 1", "failing 1");
  }

  @Test
  void concurrentCallersOfAColdKeyShareOneComputation() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit((Callable<String>) () -> {
          start.await();
          return example.slow("k");
        }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo("slow k");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(example.runs()).containsExactly("slow k");
  }

  @Test
  void hermesInvalidateCleansRenderedTagsAfterTheMethodReturns(Users users) {
    users.user(1);
    users.user(2);

    users.save(new User(1, "Ann"));
    users.user(1);
    users.user(2);

    assertThat(users.loads()).containsExactly(1L, 2L, 1L);
  }

  @Test
  void hermesInvalidateInvalidatesRenderedKeys(Users users) {
    users.byName("ann");
    users.rename("ann");
    users.byName("ann");

    assertThat(users.nameLoads()).isEqualTo(2);
  }

  @Test
  void hermesInvalidateOfAMethodThatThrowsInvalidatesNothing(Users users) {
    users.user(1);

    assertThatThrownBy(() -> users.saveBroken(new User(1, "Ann"))).isInstanceOf(IllegalStateException.class);
    users.user(1);

    assertThat(users.loads()).containsExactly(1L);
  }

  @Test
  void aClassLevelAnnotationCachesEveryBusinessMethod(WholeClassCached bean) {
    int one = bean.one();
    int two = bean.two();

    assertThat(bean.one()).isEqualTo(one);
    assertThat(bean.two()).isEqualTo(two).isNotEqualTo(one);
  }

  @Test
  void aMethodOfAGenericSuperclassIsCachedPerBeanWithItsResolvedReturnType(UserRepository users,
      OrderRepository orders) {
    User first = users.find(7);
    User second = users.find(7);
    Order order = orders.find(7);

    assertThat(second).isEqualTo(first).isEqualTo(new User(7, "user 7"));
    assertThat(order).as("another bean inheriting the method has its own entries").isEqualTo(new Order(7, 70));
    assertThat(users.loads()).isEqualTo(1);
    assertThat(keys()).anyMatch(key -> key.startsWith("cache:entry:" + UserRepository.class.getName() + ":find:"))
        .anyMatch(key -> key.startsWith("cache:entry:" + OrderRepository.class.getName() + ":find:"));
  }

  @Test
  void anAsynchronousMethodIsCachedByItsCompletedValueAndSharedByConcurrentCallers(Async async) throws Exception {
    List<java.util.concurrent.CompletableFuture<String>> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      callers.add(async.slowGreeting("Ada").toCompletableFuture());
    }
    async.release();
    for (java.util.concurrent.CompletableFuture<String> caller : callers) {
      assertThat(caller.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello Ada");
    }
    assertThat(async.slowGreeting("Ada").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo("hello Ada");
    assertThat(async.runs()).isEqualTo(1);
    assertThat(keys()).anyMatch(key -> key.startsWith("cache:entry:" + Async.class.getName() + ":slowGreeting:"));
  }

  @Test
  void aFailedAsynchronousResultIsNotCachedAndInvalidateSkipsTheBody(Async async) throws Exception {
    assertThatThrownBy(() -> async.failing(1).get(10, java.util.concurrent.TimeUnit.SECONDS))
        .hasRootCauseMessage("failed 1");
    assertThatThrownBy(() -> async.failing(1).get(10, java.util.concurrent.TimeUnit.SECONDS))
        .hasRootCauseMessage("failed 2");

    async.release();
    async.slowGreeting("Bob").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    hermes.invalidate(() -> async.slowGreeting("Bob"));
    async.slowGreeting("Bob").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(async.runs()).isEqualTo(2);
  }

  @Test
  void aKeyGeneratorBeanMakesTheKey(Custom custom) {
    custom.generated("a", 1);
    custom.generated("a", 2);

    assertThat(custom.runs()).isEqualTo(1);
    assertThat(keys()).contains("cache:entry:short:generated");
  }

  @Test
  void aTtlPolicyReturningZeroKeepsTheValueOutOfTheCache(Custom custom) {
    custom.conditional(-1);
    custom.conditional(-1);
    custom.conditional(5);
    custom.conditional(5);

    assertThat(custom.conditionalRuns()).containsExactly(-1, -1, 5);
  }

  private Set<String> keys() {
    return ((InProcessBackend) hermes.backend()).snapshot().keySet();
  }

  /** The README's example. */
  @ApplicationScoped
  static class Example {

    final List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();

    public List<String> runs() {
      return runs;
    }

    @HermesCached
    public long foo(int a, int b) {
      runs.add("foo " + a + " " + b);
      return (long) a * b;
    }

    @HermesCached(tags = {"math", "power"}, ttl = 1200)
    public double bar(int a, int b) {
      runs.add("bar " + a + " " + b);
      return Math.pow(a, b);
    }

    @HermesCached(tags = {"math", "avg"}, key = "avg:{a}:{b}")
    public double baz(int a, int b) {
      runs.add("baz " + a + " " + b);
      return (a + b) / 2.0;
    }

    @HermesCached
    public String nothing(String what) {
      runs.add("nothing " + what);
      return null;
    }

    @HermesCached
    public String failing(int attempt) {
      runs.add("failing " + attempt);
      throw new IllegalStateException("failed " + attempt);
    }

    @HermesCached
    public String slow(String key) throws InterruptedException {
      runs.add("slow " + key);
      Thread.sleep(200);
      return "slow " + key;
    }

    public String uncached() {
      return "plain";
    }
  }

  @ApplicationScoped
  static class Nested {

    final AtomicInteger runs = new AtomicInteger();

    public int runs() {
      return runs.get();
    }

    @Inject
    Example example;

    @HermesCached
    public String outer(int a) {
      runs.incrementAndGet();
      return "outer(" + example.foo(a, 2) + ")";
    }
  }

  public record User(long id, String name) {}

  @ApplicationScoped
  static class Users {

    final List<Long> loads = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger nameLoads = new AtomicInteger();

    public List<Long> loads() {
      return loads;
    }

    public int nameLoads() {
      return nameLoads.get();
    }

    @HermesCached(tags = "user:{id}")
    public User user(long id) {
      loads.add(id);
      return new User(id, "user " + id);
    }

    @HermesInvalidate(tags = "user:{user.id}")
    public void save(User user) {}

    @HermesInvalidate(tags = "user:{user.id}")
    public void saveBroken(User user) {
      throw new IllegalStateException("not saved");
    }

    @HermesCached(key = "user-by-name:{0}")
    public String byName(String name) {
      nameLoads.incrementAndGet();
      return name.toUpperCase();
    }

    @HermesInvalidate(keys = "user-by-name:{name}")
    public void rename(String name) {}
  }

  @ApplicationScoped
  @HermesCached
  static class WholeClassCached {

    final AtomicInteger runs = new AtomicInteger();

    public int one() {
      return runs.incrementAndGet();
    }

    public int two() {
      return runs.incrementAndGet();
    }
  }

  abstract static class Repository<T> {

    final AtomicInteger loads = new AtomicInteger();

    public int loads() {
      return loads.get();
    }

    @HermesCached
    public T find(long id) {
      loads.incrementAndGet();
      return load(id);
    }

    protected abstract T load(long id);
  }

  @ApplicationScoped
  static class UserRepository extends Repository<User> {

    @Override
    protected User load(long id) {
      return new User(id, "user " + id);
    }
  }

  public record Order(long id, int total) {}

  @ApplicationScoped
  static class OrderRepository extends Repository<Order> {

    @Override
    protected Order load(long id) {
      return new Order(id, (int) id * 10);
    }
  }

  @ApplicationScoped
  static class Async {

    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    public void release() {
      release.countDown();
    }

    public int runs() {
      return runs.get();
    }

    @HermesCached
    public java.util.concurrent.CompletionStage<String> slowGreeting(String name) {
      runs.incrementAndGet();
      return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "hello " + name;
      }, NEW_THREAD);
    }

    @HermesCached
    public java.util.concurrent.CompletableFuture<String> failing(int id) {
      return java.util.concurrent.CompletableFuture.failedFuture(
          new IllegalStateException("failed " + failures.incrementAndGet()));
    }
  }

  /** A key generator that is a CDI bean: the method name only, whatever the arguments. */
  @ApplicationScoped
  static class ShortKeys implements KeyGenerator {

    @Override
    public String key(Method method, Object[] arguments) {
      return "short:" + method.getName();
    }
  }

  /** Caches positive numbers only; it is no bean, so Hermes makes one with its constructor. */
  public static class PositiveOnly implements TtlPolicy {

    @Override
    public Duration ttl(Object value, Method method, Object[] arguments) {
      return (Integer) value > 0 ? Duration.ofMinutes(1) : Duration.ZERO;
    }
  }

  @ApplicationScoped
  static class Custom {

    final AtomicInteger runs = new AtomicInteger();
    final List<Integer> conditionalRuns = new java.util.concurrent.CopyOnWriteArrayList<>();

    public int runs() {
      return runs.get();
    }

    public List<Integer> conditionalRuns() {
      return conditionalRuns;
    }

    @HermesCached(keyGenerator = ShortKeys.class)
    public String generated(String a, int ignored) {
      runs.incrementAndGet();
      return a;
    }

    @HermesCached(ttlPolicy = PositiveOnly.class)
    public int conditional(int value) {
      conditionalRuns.add(value);
      return value;
    }
  }
}
