package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resilience keys under Quarkus: {@code hermes.fail-safe.*} in the mapping, and per-method keys
 * ({@code <class>/<method>/HermesCached/<member>}) read into the method's plan, not refused as unknown.
 */
class ResilienceTest {

  private static final String REPO = Repo.class.getName();

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Repo.class).addAsResource(new StringAsset(String.join("\n",
          "hermes.fail-safe.throttle=PT30S",
          REPO + "/find/HermesCached/ttl=1",
          REPO + "/find/HermesCached/staleFor=PT1H")), "application.properties"));

  @Inject
  Repo repo;

  @Inject
  Hermes hermes;

  @Inject
  HermesConfig config;

  @Test
  void aPerMethodStaleForServesTheStaleValueWhenTheMethodFails() throws InterruptedException {
    assertThat(config.failSafe().throttle()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.failSafe().maxStale()).as("default").isZero();
    assertThat(repo.find(1)).isEqualTo("row 1 #1");
    Thread.sleep(1_100); // the per-method ttl of 1 s runs out: only time does that
    repo.down();
    assertThat(repo.find(1)).isEqualTo("row 1 #1");
    assertThat(repo.find(1)).isEqualTo("row 1 #1");
    assertThat(repo.calls()).as("throttled after the failure").isEqualTo(2);
    assertThat(hermes.stats().of(REPO + ".find").stale()).isEqualTo(1);
  }

  @ApplicationScoped
  public static class Repo {
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    @HermesCached
    public String find(int id) {
      calls.incrementAndGet();
      if (down) {
        throw new IllegalStateException("database down");
      }
      return "row " + id + " #" + calls.get();
    }

    public void down() {
      down = true;
    }

    public int calls() {
      return calls.get();
    }
  }
}
