package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A template naming what does not exist fails the build, naming the method and the template; every one is reported. */
class BadTemplateFailsTheBuildTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Users.class, Account.class))
      .assertException(failure -> assertThat(Failures.messages(failure)).contains(
          "@HermesCached on " + Users.class.getName() + ".find(long): key: template \"user:{userId}\" refers to"
              + " parameter \"userId\", which the method does not have (parameters: id)",
          "@HermesInvalidate on " + Users.class.getName() + ".save(Account): tags: template \"account:{account.number}\""
              + " reads \"number\" of " + Account.class.getName() + " in {account.number}, which has no such property"));

  @Test
  void buildFails() {
    fail("the build should have failed");
  }

  public record Account(long id) {}

  @ApplicationScoped
  public static class Users {

    @HermesCached(key = "user:{userId}")
    public String find(long id) {
      return "user " + id;
    }

    @HermesInvalidate(tags = "account:{account.number}")
    public void save(Account account) {}
  }
}
