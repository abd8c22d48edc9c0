package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A {@link Hermes} on the backend: values cached and served, tags, {@code clean()}, {@code invalidate} and expiry. */
public abstract class CachingContract extends BackendSpiContract {

  public record Point(int x, int y, List<String> labels) {}

  @Test
  void cachedValuesRoundTripAndComputeOnce() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 4; i++) {
        Point point = hermes.cached("point", Point.class, () -> {
          runs.incrementAndGet();
          return new Point(1, 2, List.of("a", "b"));
        });
        assertThat(point).isEqualTo(new Point(1, 2, List.of("a", "b")));
      }
      assertThat(runs).hasValue(1);
      assertThat(read(prefix + ":entry:point")).as("the layout of DESIGN.md").isNotNull();
      assertThat(hermes.stats().of("programmatic").hits()).isEqualTo(3);
    }
  }

  @Test
  void cleanTagInvalidatesOnlyItsEntries() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      Duration ttl = Duration.ofMinutes(5);
      hermes.cached("rock", List.of("rock", "tree"), ttl, Integer.class, runs::incrementAndGet);
      hermes.cached("ice", List.of("rock", "ice"), ttl, Integer.class, runs::incrementAndGet);
      hermes.cached("leaf", List.of("tree"), ttl, Integer.class, runs::incrementAndGet);
      assertThat(read(prefix + ":tag:rock")).as("tag version key").isNotNull();
      assertThat(read(prefix + ":tag:rock").size()).isEqualTo(22);

      hermes.clean("rock");

      assertThat(hermes.cached("rock", List.of("rock", "tree"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(4);
      assertThat(hermes.cached("ice", List.of("rock", "ice"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(5);
      assertThat(hermes.cached("leaf", List.of("tree"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(read(prefix + ":entry:leaf")).isNotNull();
    }
  }

  @Test
  void cleanInvalidatesEverythingUnderThePrefixOnly() {
    String otherPrefix = prefix + "other";
    try (Hermes hermes = hermes().build(); Hermes neighbour = hermes().prefix(otherPrefix).build()) {
      AtomicInteger runs = new AtomicInteger();
      hermes.cached("a", Integer.class, runs::incrementAndGet);
      hermes.cached("b", List.of("t"), Duration.ofMinutes(1), Integer.class, runs::incrementAndGet);
      neighbour.cached("a", Integer.class, () -> 100);

      hermes.clean();

      assertThat(hermes.cached("a", Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(hermes.cached("b", List.of("t"), Duration.ofMinutes(1), Integer.class, runs::incrementAndGet)).isEqualTo(4);
      assertThat(neighbour.cached("a", Integer.class, () -> -1)).as("another prefix is untouched").isEqualTo(100);
    }
  }

  @Test
  void invalidateDropsOneEntry() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      hermes.cached("one", Integer.class, runs::incrementAndGet);
      hermes.cached("two", Integer.class, runs::incrementAndGet);
      hermes.invalidate("one");
      assertThat(hermes.cached("one", Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(hermes.cached("two", Integer.class, runs::incrementAndGet)).isEqualTo(2);
    }
  }

  @Test
  void entriesExpireThroughHermes() throws InterruptedException {
    try (Hermes hermes = hermes().ttl(Duration.ofSeconds(1)).build()) {
      AtomicInteger runs = new AtomicInteger();
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      Thread.sleep(1100);
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(2);
    }
  }

  @Test
  void nullsAreCachedAndExceptionsAreNot() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        assertThat(hermes.<String>cached("absent", String.class, () -> {
          runs.incrementAndGet();
          return null;
        })).isNull();
      }
      assertThat(runs).hasValue(1);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> hermes.cached("failing", String.class, () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
      }
      assertThat(runs).hasValue(3);
    }
  }
}
