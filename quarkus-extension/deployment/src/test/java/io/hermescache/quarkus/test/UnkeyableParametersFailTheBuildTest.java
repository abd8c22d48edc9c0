package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hermescache.HermesCached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parameter types whose distinct values could share a key fail the build, each with the message hermes-cdi gives. */
class UnkeyableParametersFailTheBuildTest {

  private static final String WAYS_OUT = ". Distinct arguments could share one cache entry; give the method a key"
      + " template (key = \"...\"), a keyGenerator, or make the parameter a record";

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Orders.class, Range.class, UserContext.class, Stateless.class))
      .assertException(failure -> assertThat(Failures.messages(failure)).contains(
          "@HermesCached on " + Orders.class.getName() + ".width(Range): parameter 0 'range' of type "
              + Range.class.getName() + " cannot be keyed: " + Range.class.getName() + " keeps state in fields that no"
              + " public getter or field reads (from, to); its accessor-style methods from(), to() are not getters,"
              + " so JSON-B does not read them" + WAYS_OUT,
          "@HermesCached on " + Orders.class.getName() + ".orders(UserContext): parameter 0 'user' of type "
              + UserContext.class.getName() + " cannot be keyed: " + UserContext.class.getName()
              + " keeps state in fields that no public getter or field reads (name)" + WAYS_OUT,
          "@HermesCached on " + Orders.class.getName() + ".run(Stateless): parameter 0 'what' of type "
              + Stateless.class.getName() + " cannot be keyed: " + Stateless.class.getName()
              + " has no readable state (no public getter or field), so all its values would share one key" + WAYS_OUT,
          "@HermesCached on " + Orders.class.getName() + ".format(Number): parameter 0 'number' of type"
              + " java.lang.Number cannot be keyed: java.lang.Number is an abstract class, so the key cannot know"
              + " which state of its implementations tells values apart" + WAYS_OUT));

  @Test
  void buildFails() {
    fail("the build should have failed");
  }

  public static class Range {
    private final int from;
    private final int to;

    public Range(int from, int to) {
      this.from = from;
      this.to = to;
    }

    public int from() {
      return from;
    }

    public int to() {
      return to;
    }
  }

  public static class UserContext {
    private final String name;

    public UserContext(String name) {
      this.name = name;
    }
  }

  public static class Stateless {}

  @ApplicationScoped
  public static class Orders {

    @HermesCached
    public int width(Range range) {
      return range.to() - range.from();
    }

    @HermesCached
    public String orders(UserContext user) {
      return "";
    }

    @HermesCached
    public String run(Stateless what) {
      return "";
    }

    @HermesCached
    public String format(Number number) {
      return "";
    }
  }
}
