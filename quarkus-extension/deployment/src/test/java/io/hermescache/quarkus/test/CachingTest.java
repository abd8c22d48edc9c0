package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.KeyGenerator;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HermesCache scenarios through an ArC bean: hits, tags, invalidation of one call, @HermesInvalidate. */
class CachingTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Example.class, User.class, NameKeys.class));

  @Inject
  Example example;

  @Inject
  Hermes hermes;

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

  public record User(long id, String name) {}

  /** A bean (so it could inject what it needs) that no one injects: the build must keep it. */
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

    @HermesCached(keyGenerator = NameKeys.class)
    public String greeting(String name) {
      runs.incrementAndGet();
      return "hello " + name;
    }
  }
}
