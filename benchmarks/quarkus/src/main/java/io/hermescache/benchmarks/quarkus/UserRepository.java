package io.hermescache.benchmarks.quarkus;

import io.hermescache.HermesCached;
import io.quarkus.arc.Unremovable;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same method cached by Hermes and by quarkus-cache, in one bean. Each method counts its runs, so that
 * the benchmark's setup can prove it is cached; the counts are read through methods, since a field read on
 * a client proxy would not reach the bean.
 */
@ApplicationScoped
@Unremovable // looked up by the benchmark, injected nowhere: ArC would otherwise remove it as unused
public class UserRepository {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));

  private final AtomicInteger hermesComputations = new AtomicInteger();
  private final AtomicInteger taggedComputations = new AtomicInteger();
  private final AtomicInteger cacheResultComputations = new AtomicInteger();

  @HermesCached
  public User find(long id) {
    hermesComputations.incrementAndGet();
    return VALUE;
  }

  @HermesCached(tags = {"users", "user:{id}", "tenant:7"})
  public User findTagged(long id) {
    taggedComputations.incrementAndGet();
    return VALUE;
  }

  @CacheResult(cacheName = "users")
  public User findWithCacheResult(long id) {
    cacheResultComputations.incrementAndGet();
    return VALUE;
  }

  public int hermesComputations() {
    return hermesComputations.get();
  }

  public int taggedComputations() {
    return taggedComputations.get();
  }

  public int cacheResultComputations() {
    return cacheResultComputations.get();
  }
}
