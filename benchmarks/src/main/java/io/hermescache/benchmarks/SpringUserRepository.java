package io.hermescache.benchmarks;

import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.Cacheable;

/**
 * The bean of the Spring benchmarks: the same method, value and key as the CDI benchmark's repository. Its
 * runs are counted, so that a setup can prove it is cached, and read through a method: a field read on
 * Spring's proxy would not reach the bean.
 */
public class SpringUserRepository {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));

  private final AtomicInteger computations = new AtomicInteger();

  @Cacheable("users")
  public User find(long id) {
    computations.incrementAndGet();
    return VALUE;
  }

  public int computations() {
    return computations.get();
  }
}
