package io.hermescache.benchmarks;

import io.hermescache.Hermes;
import io.hermescache.inprocess.InProcessBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@code clean(tag)} with 10², 10⁴ and 10⁶ entries under the tag: it must not grow with them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CleanTagBenchmark {

  @Param({"100", "10000", "1000000"})
  public int entries;

  private Hermes hermes;

  @Setup(Level.Trial)
  public void fill() {
    hermes = Hermes.builder().backend(new InProcessBackend(entries + 100L)).build();
    List<String> tags = List.of("bulk");
    for (int i = 0; i < entries; i++) {
      int value = i;
      hermes.cached("entry:" + i, tags, Duration.ofHours(1), Integer.class, () -> value);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    hermes.close();
  }

  @Benchmark
  public void cleanTag() {
    hermes.clean("bulk");
  }
}
