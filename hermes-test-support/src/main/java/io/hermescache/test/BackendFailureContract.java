package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.HermesException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A backend that fails: bypassed by default, propagated when configured. */
public abstract class BackendFailureContract extends UnusualDataContract {

  @Test
  void aFaultyBackendIsBypassedByDefault() {
    FaultyBackend failing = new FaultyBackend(backend);
    try (Hermes hermes = Hermes.builder().backend(failing).prefix(prefix).build()) {
      AtomicInteger runs = new AtomicInteger();
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      failing.failing.set(true);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).as("computed without the cache").isEqualTo(2);
      assertThat(hermes.stats().total().errors()).isEqualTo(1);
      failing.failing.set(false);
      hermes.backend(failing);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).as("the cache is used again").isEqualTo(1);
    }
  }

  @Test
  void aFaultyBackendPropagatesWhenConfigured() {
    FaultyBackend failing = new FaultyBackend(backend);
    failing.failing.set(true);
    try (Hermes hermes = Hermes.builder().backend(failing).prefix(prefix).backendFailure(BackendFailure.PROPAGATE).build()) {
      assertThatThrownBy(() -> hermes.cached("k", Integer.class, () -> 1))
          .isInstanceOf(HermesException.class).hasRootCauseMessage("backend down (test)");
      assertThatThrownBy(() -> hermes.clean("t")).as("an invalidation is never silently dropped")
          .isInstanceOf(HermesException.class);
    }
  }
}
