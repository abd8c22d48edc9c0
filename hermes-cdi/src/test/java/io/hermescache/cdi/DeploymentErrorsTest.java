package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.KeyGenerator;
import jakarta.enterprise.context.Dependent;
import java.lang.reflect.Method;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Every mistake Hermes can see in an annotation fails the deployment, naming class, method and problem. */
class DeploymentErrorsTest {

  @Test
  void aKeyTemplateNamingAnUnknownParameter() {
    assertThat(deploymentError(UnknownParameter.class)).contains(
        "@HermesCached on " + UnknownParameter.class.getName() + ".find(long)",
        "key: template \"user:{userId}\" refers to parameter \"userId\", which the method does not have (parameters: id)");
  }

  @Test
  void aTagTemplateNamingAnUnknownProperty() {
    assertThat(deploymentError(UnknownProperty.class)).contains(
        "@HermesInvalidate on " + UnknownProperty.class.getName() + ".save(Account)",
        "tags: template \"account:{account.number}\" reads \"number\" of " + Account.class.getName()
            + " in {account.number}, which has no such property");
  }

  @Test
  void aTemplateIndexBeyondTheParameters() {
    assertThat(deploymentError(IndexOutOfRange.class)).contains(
        IndexOutOfRange.class.getName() + ".find(long)",
        "refers to parameter {1}, but the method has 1 parameter");
  }

  @Test
  void aVoidMethod() {
    assertThat(deploymentError(VoidMethod.class)).contains(
        "@HermesCached on " + VoidMethod.class.getName() + ".reset()", "returns void");
  }

  @Test
  void aPrivateMethod() {
    assertThat(deploymentError(PrivateMethod.class)).contains(
        PrivateMethod.class.getName() + ".secret()", "the method is private, so it cannot be intercepted");
  }

  @Test
  void aStaticMethod() {
    assertThat(deploymentError(StaticMethod.class)).contains(
        StaticMethod.class.getName() + ".shared()", "the method is static, so it cannot be intercepted");
  }

  @Test
  void aFinalMethod() {
    assertThat(deploymentError(FinalMethod.class)).contains(
        FinalMethod.class.getName() + ".fixed()", "the method is final, so it cannot be intercepted");
  }

  @Test
  void aFinalClass() {
    assertThat(deploymentError(FinalClass.class)).contains(
        FinalClass.class.getName() + ".value()", "the class " + FinalClass.class.getName() + " is final");
  }

  @Test
  void aNegativeTtl() {
    assertThat(deploymentError(NegativeTtl.class)).contains(
        NegativeTtl.class.getName() + ".value()", "ttl = -5: must be a positive number of seconds");
  }

  @Test
  void aZeroTtl() {
    assertThat(deploymentError(ZeroTtl.class)).contains(
        ZeroTtl.class.getName() + ".value()", "ttl = 0: must be a positive number of seconds");
  }

  @Test
  void aKeyGeneratorThatCannotBeCreated() {
    assertThat(deploymentError(UncreatableKeyGenerator.class)).contains(
        UncreatableKeyGenerator.class.getName() + ".value(String)",
        "keyGenerator = " + NeedsArguments.class.getName() + ": " + NeedsArguments.class.getName()
            + " cannot be created: it has no public no-argument constructor");
  }

  @Test
  void anAsynchronousMethodOfAnotherStageType() {
    assertThat(deploymentError(Asynchronous.class)).contains(
        Asynchronous.class.getName() + ".later()", "must return CompletionStage or CompletableFuture");
  }

  @Test
  void everyBadMethodIsReportedAtOnce() {
    assertThat(deploymentError(VoidMethod.class, NegativeTtl.class)).contains(
        VoidMethod.class.getName() + ".reset()", NegativeTtl.class.getName() + ".value()");
  }

  @Test
  void aNegativeConfiguredTtlNamesKeyAndValue() {
    assertThat(deploymentError(Map.of("hermes.ttl", "-5"), Fine.class)).contains("hermes.ttl = -5");
  }

  @Test
  void anUnknownBackendNamesKeyAndValue() {
    assertThat(deploymentError(Map.of("hermes.backend", "floppy"), Fine.class))
        .contains("hermes.backend = floppy: no such backend on the class path (found: inprocess");
  }

  private static String deploymentError(Class<?>... beans) {
    return deploymentError(Map.of(), beans);
  }

  /** The messages of the exception (and its causes) that stopped a container of {@code beans} from starting. */
  private static String deploymentError(Map<String, String> config, Class<?>... beans) {
    Throwable error = catchThrowable(() -> {
      try (WeldContainer container = Containers.boot(config, beans)) {
        // reaching this line means the deployment was accepted
      }
    });
    assertThat(error).as("deployment error").isNotNull();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  public record Account(long id) {}

  @Dependent
  static class UnknownParameter {
    @HermesCached(key = "user:{userId}")
    public String find(long id) {
      return "";
    }
  }

  @Dependent
  static class UnknownProperty {
    @HermesInvalidate(tags = "account:{account.number}")
    public void save(Account account) {}
  }

  @Dependent
  static class IndexOutOfRange {
    @HermesCached(tags = "user:{1}")
    public String find(long id) {
      return "";
    }
  }

  @Dependent
  static class VoidMethod {
    @HermesCached
    public void reset() {}
  }

  @Dependent
  static class PrivateMethod {
    @HermesCached
    private String secret() {
      return "";
    }
  }

  @Dependent
  static class StaticMethod {
    @HermesCached
    public static String shared() {
      return "";
    }
  }

  @Dependent
  static class FinalMethod {
    @HermesCached
    public final String fixed() {
      return "";
    }
  }

  @Dependent
  static final class FinalClass {
    @HermesCached
    public String value() {
      return "";
    }
  }

  @Dependent
  static class NegativeTtl {
    @HermesCached(ttl = -5)
    public String value() {
      return "";
    }
  }

  @Dependent
  static class ZeroTtl {
    @HermesCached(ttl = 0)
    public String value() {
      return "";
    }
  }

  /** Neither a bean nor constructible without arguments. */
  public static class NeedsArguments implements KeyGenerator {
    public NeedsArguments(String prefix) {}

    @Override
    public String key(Method method, Object[] arguments) {
      return "";
    }
  }

  @Dependent
  static class UncreatableKeyGenerator {
    @HermesCached(keyGenerator = NeedsArguments.class)
    public String value(String a) {
      return a;
    }
  }

  @Dependent
  static class Asynchronous {
    @HermesCached
    public CustomFuture later() {
      return new CustomFuture();
    }
  }

  static class CustomFuture extends java.util.concurrent.CompletableFuture<String> {}

  @Dependent
  static class Fine {
    @HermesCached
    public String value() {
      return "";
    }
  }
}
