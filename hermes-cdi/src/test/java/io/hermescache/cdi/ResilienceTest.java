package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesTimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resilience members of {@code @HermesCached} and their per-method configuration keys reach the engine
 * behind the interceptor; bad values fail deployment naming the key; {@code hermes.verify-round-trip} names
 * the method whose value does not come back equal.
 */
class ResilienceTest {

  @AfterEach
  void defaults() {
    TestConfig.useDefaults();
  }

  @ApplicationScoped
  public static class Repo {
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch slow;

    // the test holds a client proxy: state goes through methods, not fields
    public void down() {
      down = true;
    }

    public void slow(CountDownLatch latch) {
      slow = latch;
    }

    public int calls() {
      return calls.get();
    }

    @HermesCached(ttl = 1, staleFor = "PT1H")
    public String find(int id) {
      calls.incrementAndGet();
      if (down) {
        throw new IllegalStateException("database down");
      }
      return "row " + id + " #" + calls.get();
    }

    @HermesCached(hardTimeout = "PT0.2S")
    public String report(int id) throws InterruptedException {
      calls.incrementAndGet();
      slow.await();
      return "report " + id;
    }
  }

  @Test
  void failSafeServesTheStaleValueWhenTheMethodThrows() throws InterruptedException {
    try (WeldContainer container = Containers.boot(Map.of(), Repo.class)) {
      Repo repo = container.select(Repo.class).get();
      assertThat(repo.find(1)).isEqualTo("row 1 #1");
      Thread.sleep(1_100); // ttl = 1 s: only time expires a value
      repo.down();
      assertThat(repo.find(1)).isEqualTo("row 1 #1");
      assertThat(repo.find(1)).as("throttled: not called again").isEqualTo("row 1 #1");
      assertThat(repo.calls()).isEqualTo(2);
      assertThat(container.select(Hermes.class).get().stats().of(Repo.class.getName() + ".find").stale()).isEqualTo(1);
    }
  }

  @Test
  void aPerMethodKeyOverridesTheAnnotation() throws InterruptedException {
    String key = Repo.class.getName() + "/find/HermesCached/staleFor";
    try (WeldContainer container = Containers.boot(Map.of(key, "0"), Repo.class)) {
      Repo repo = container.select(Repo.class).get();
      repo.find(1);
      Thread.sleep(1_100);
      repo.down();
      assertThatThrownBy(() -> repo.find(1)).as("fail-safe turned off for this method").hasMessage("database down");
    }
  }

  @Test
  void aHardTimeoutThrowsAndTheMethodGoesOn() throws Exception {
    try (WeldContainer container = Containers.boot(Map.of(), Repo.class)) {
      Repo repo = container.select(Repo.class).get();
      CountDownLatch slow = new CountDownLatch(1);
      repo.slow(slow);
      assertThatThrownBy(() -> repo.report(7)).isInstanceOf(HermesTimeoutException.class);
      slow.countDown();
      String value = null;
      for (int i = 0; i < 100 && value == null; i++) {
        try {
          value = repo.report(7);
        } catch (HermesTimeoutException e) {
          // still storing
        }
      }
      assertThat(value).isEqualTo("report 7");
      assertThat(repo.calls()).as("never run twice because of the timeout").isEqualTo(1);
    }
  }

  @Test
  void aBadPerMethodValueFailsDeploymentNamingTheKey() {
    String key = Repo.class.getName() + "/find/HermesCached/softTimeout";
    Throwable error = catchThrowable(() -> Containers.boot(Map.of(key, "soon"), Repo.class).close());
    assertThat(messages(error)).contains(key + " = soon: not a duration");
    String ttl = Repo.class.getName() + "/report/HermesCached/ttl";
    assertThat(messages(catchThrowable(() -> Containers.boot(Map.of(ttl, "-5"), Repo.class).close())))
        .contains(ttl + " = -5: must not be negative");
  }

  @ApplicationScoped
  public static class BadTimeout {
    @HermesCached(hardTimeout = "later")
    public String find(int id) {
      return "x";
    }
  }

  @Test
  void aBadAnnotationValueFailsDeploymentNamingTheMethod() {
    assertThat(messages(catchThrowable(() -> Containers.boot(Map.of(), BadTimeout.class).close()))).contains(
        "@HermesCached on " + BadTimeout.class.getName() + ".find(int)", "hardTimeout = later: not a duration");
  }

  /** Equal by both properties, but JSON-B writes back only the one with a setter. */
  public static class Half {
    private String kept = "a";
    private String lost = "b";

    public Half() {}

    Half(String lost) {
      this.lost = lost;
    }

    public String getKept() {
      return kept;
    }

    public void setKept(String kept) {
      this.kept = kept;
    }

    public String getLost() {
      return lost;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Half half && half.kept.equals(kept) && half.lost.equals(lost);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kept, lost);
    }
  }

  @ApplicationScoped
  public static class Halves {
    @HermesCached
    public Half half(int id) {
      return new Half("changed");
    }
  }

  @Test
  void verifyRoundTripNamesTheMethodWhoseValueDoesNotComeBackEqual() {
    try (WeldContainer container = Containers.boot(Map.of("hermes.verify-round-trip", "true"), Halves.class)) {
      Halves halves = container.select(Halves.class).get();
      assertThatThrownBy(() -> halves.half(1)).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(Halves.class.getName() + ".half: hermes.verify-round-trip:");
    }
  }

  private static String messages(Throwable error) {
    assertThat(error).as("deployment error").isNotNull();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
