package io.hermescache.benchmarks.quarkus;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Application;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A hit of {@code @HermesCached} (untagged and with three tags) beside a hit of quarkus-cache's
 * {@code @CacheResult} on the same bean, in one Quarkus application, both in process and through ArC's
 * interceptors: what a Quarkus application pays for {@code repository.find(42)} with either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuarkusHitBenchmark {

  /** The class the Quarkus build generates to start the application, as the uber-jar's main does. */
  private static final String GENERATED_APPLICATION = "io.quarkus.runner.ApplicationImpl";

  private Application application;
  private UserRepository repository;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    application = (Application) Class.forName(GENERATED_APPLICATION).getDeclaredConstructor().newInstance();
    application.start(new String[0]);
    repository = Arc.container().instance(UserRepository.class).get();
    requireOneComputation("@HermesCached", repository::find, repository::hermesComputations);
    requireOneComputation("@HermesCached with 3 tags", repository::findTagged, repository::taggedComputations);
    requireOneComputation("@CacheResult", repository::findWithCacheResult, repository::cacheResultComputations);
  }

  /** A benchmark of misses would report the speed of the method, not of the cache: fail instead. */
  private static void requireOneComputation(String what, LongFunction<User> find, IntSupplier computations) {
    find.apply(42);
    find.apply(42);
    if (computations.getAsInt() != 1) {
      throw new IllegalStateException(what + ": the method ran " + computations.getAsInt()
          + " times in two calls of one key; the cache does not hit");
    }
  }

  @TearDown
  public void tearDown() {
    application.stop();
  }

  @Benchmark
  public Object cacheResultHit() {
    return repository.findWithCacheResult(42);
  }

  @Benchmark
  public Object hermesHit() {
    return repository.find(42);
  }

  @Benchmark
  public Object hermesHitThreeTags() {
    return repository.findTagged(42);
  }
}
