package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.KeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code @HermesCached} and {@code @HermesInvalidate} promise in every CDI container, run by each
 * integration against its own container (Weld, Quarkus' ArC...) with the beans of {@link #BEANS} deployed
 * and the default configuration: a subclass only starts the container and lets it inject the fields.
 */
public abstract class InterceptionContractTest {

  /** The bean classes a subclass deploys. */
  public static final Class<?>[] BEANS = {Example.class, User.class, NameKeys.class};

  @Inject
  protected Example example;

  @Inject
  protected Hermes hermes;

  @BeforeEach
  void cleanCache() {
    hermes.clean();
    example.resetRuns();
  }

  @Test
  void secondCallIsServedFromTheCache() {
    assertThat(example.foo(2, 3)).isEqualTo(6);
    assertThat(example.foo(2, 3)).isEqualTo(6);
    assertThat(example.foo(3, 3)).isEqualTo(9);
    assertThat(example.runs()).isEqualTo(2);
    assertThat(hermes.stats().of(Example.class.getName() + ".foo").hits()).isEqualTo(1);
  }

  @Test
  void cleaningATagDropsEveryEntryUnderIt() {
    example.bar(2, 10);
    example.baz(1, 2);
    example.foo(1, 1);
    hermes.clean("math");
    example.bar(2, 10);
    example.baz(1, 2);
    example.foo(1, 1);
    assertThat(example.runs()).as("bar and baz run again, foo (untagged) does not").isEqualTo(5);
  }

  @Test
  void keyTemplateNamesTheEntry() {
    example.baz(1, 2);
    example.baz(1, 3);
    hermes.invalidate("avg:1:2");
    example.baz(1, 2);
    example.baz(1, 3);
    assertThat(example.runs()).as("only the entry avg:1:2 was dropped").isEqualTo(3);
  }

  @Test
  void invalidateDropsExactlyTheEntryOfOneCall() {
    example.bar(2, 10);
    example.bar(2, 11);
    hermes.invalidate(() -> example.bar(2, 10));
    assertThat(example.runs()).as("invalidation does not run the body").isEqualTo(2);
    example.bar(2, 10);
    example.bar(2, 11);
    assertThat(example.runs()).isEqualTo(3);
  }

  @Test
  void invalidateOfAPrimitiveMethodYieldsZero() {
    example.foo(4, 5);
    long[] skipped = new long[1];
    hermes.invalidate(() -> skipped[0] = example.foo(4, 5));
    assertThat(skipped[0]).isZero();
    assertThat(example.foo(4, 5)).isEqualTo(20);
    assertThat(example.runs()).isEqualTo(2);
  }

  @Test
  void hermesInvalidateCleansTheRenderedTagAfterTheMethod() {
    example.user(7);
    example.user(8);
    example.save(new User(7, "seven"));
    example.user(7);
    example.user(8);
    assertThat(example.runs()).as("user 7 computed again, user 8 not").isEqualTo(3);
  }

  @Test
  void aKeyGeneratorBeanNothingInjectsIsKeptAndUsed() {
    example.greeting("ada");
    hermes.invalidate("greeting:ada");
    example.greeting("ada");
    assertThat(example.runs()).as("the entry was stored under the generator's key").isEqualTo(2);
  }

  @Test
  void aCompletionStageIsCachedByItsCompletedValue() throws Exception {
    assertThat(example.square(3).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(9);
    assertThat(example.square(3).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(9);
    assertThat(example.runs()).isEqualTo(1);
  }

  @Test
  void hermesInvalidateOfACompletionStageCleansOnceItCompletes() throws Exception {
    example.user(9);
    CompletableFuture<Void> saving = new CompletableFuture<>();
    CompletionStage<Void> saved = example.saveLater(new User(9, "nine"), saving);
    example.user(9);
    assertThat(example.runs()).as("not cleaned before the stage completes").isEqualTo(1);
    saving.complete(null);
    saved.toCompletableFuture().get(10, TimeUnit.SECONDS);
    example.user(9);
    assertThat(example.runs()).isEqualTo(2);
  }

  public record User(long id, String name) {}

  /** A bean (so it could inject what it needs) that no one injects: the container must keep it. */
  @ApplicationScoped
  public static class NameKeys implements KeyGenerator {

    @Override
    public String key(Method method, Object[] arguments) {
      return method.getName() + ":" + arguments[0];
    }
  }

  @ApplicationScoped
  public static class Example {

    private final AtomicInteger runs = new AtomicInteger();

    /** How many times a method body ran. */
    public int runs() {
      return runs.get();
    }

    public void resetRuns() {
      runs.set(0);
    }

    @HermesCached
    public long foo(int a, int b) {
      runs.incrementAndGet();
      return (long) a * b;
    }

    @HermesCached(tags = {"math", "power"}, ttl = 1200)
    public double bar(int a, int b) {
      runs.incrementAndGet();
      return Math.pow(a, b);
    }

    @HermesCached(tags = {"math", "avg"}, key = "avg:{a}:{b}")
    public double baz(int a, int b) {
      runs.incrementAndGet();
      return (a + b) / 2.0;
    }

    @HermesCached(tags = "user:{id}")
    public User user(long id) {
      runs.incrementAndGet();
      return new User(id, "user " + id);
    }

    @HermesInvalidate(tags = "user:{user.id}")
    public void save(User user) {}

    @HermesInvalidate(tags = "user:{user.id}")
    public CompletionStage<Void> saveLater(User user, CompletionStage<Void> done) {
      return done;
    }

    @HermesCached(keyGenerator = NameKeys.class)
    public String greeting(String name) {
      runs.incrementAndGet();
      return "hello " + name;
    }

    @HermesCached
    public CompletionStage<Integer> square(int a) {
      runs.incrementAndGet();
      return CompletableFuture.completedFuture(a * a);
    }
  }
}
