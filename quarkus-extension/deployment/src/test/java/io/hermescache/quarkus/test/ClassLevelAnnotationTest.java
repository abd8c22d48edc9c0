package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.HermesCached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @HermesCached} on a class caches its public methods that return a value; the build accepts a setter
 * and a {@code @PostConstruct} method, and the interceptor lets them (and {@code toString}) run every time.
 */
class ClassLevelAnnotationTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Greeter.class));

  @Inject
  Greeter greeter;

  @Test
  void onlyPublicValueReturningMethodsAreCached() {
    assertThat(greeter.greet("ann")).isEqualTo("hi ann");
    assertThat(greeter.greet("ann")).isEqualTo("hi ann");
    assertThat(Greeter.LOADS).as("greet is cached").hasValue(1);
    greeter.setGreeting("hey");
    assertThat(greeter.toString()).isEqualTo("Greeter hey");
    greeter.setGreeting("yo");
    assertThat(greeter.toString()).as("toString is not cached").isEqualTo("Greeter yo");
    assertThat(greeter.greet("bob")).isEqualTo("yo bob");
  }

  @ApplicationScoped
  @HermesCached
  public static class Greeter {
    static final AtomicInteger LOADS = new AtomicInteger();
    private String greeting = "hello";

    @PostConstruct
    public void init() {
      greeting = "hi";
    }

    public void setGreeting(String greeting) {
      this.greeting = greeting;
    }

    public String greet(String who) {
      LOADS.incrementAndGet();
      return greeting + " " + who;
    }

    @Override
    public String toString() {
      return "Greeter " + greeting;
    }
  }
}
