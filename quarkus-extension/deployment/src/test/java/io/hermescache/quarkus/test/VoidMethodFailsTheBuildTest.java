package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hermescache.HermesCached;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing to cache: a void method, and a Mutiny Multi (a stream, not a value), fail the build. */
class VoidMethodFailsTheBuildTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Counter.class))
      .assertException(failure -> assertThat(Failures.messages(failure)).contains(
          "@HermesCached on " + Counter.class.getName() + ".reset(): the method returns void, so there is nothing to cache",
          "@HermesCached on " + Counter.class.getName() + ".ticks(): the method returns a Multi"));

  @Test
  void buildFails() {
    fail("the build should have failed");
  }

  @ApplicationScoped
  public static class Counter {

    @HermesCached
    public void reset() {}

    @HermesCached
    public Multi<Integer> ticks() {
      return Multi.createFrom().items(1, 2, 3);
    }
  }
}
