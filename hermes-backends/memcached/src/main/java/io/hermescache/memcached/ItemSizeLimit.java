package io.hermescache.memcached;

import io.hermescache.spi.Payload;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.spy.memcached.MemcachedClient;

/**
 * The largest value the servers store: their smallest item size ({@code -I}, 1 MB until the servers tell),
 * less room for key and header, lowered to below any value a server refused for its size. Every value over
 * it is counted ({@link #valuesTooLarge()}); the first is logged as a warning, the others at debug level.
 */
final class ItemSizeLimit {

  // The backend's logger: logging.md documents it for these messages, and users configure it by that name.
  private static final System.Logger LOG = System.getLogger(MemcachedBackend.class.getName());

  /** memcached's default item size ({@code -I}), assumed when a server does not tell its own. */
  private static final int DEFAULT_ITEM_SIZE = 1 << 20;

  /** Room an item needs besides its value: the longest key and the item header, rounded up. */
  private static final int ITEM_OVERHEAD = 250 + 64;

  private final AtomicLong valuesTooLarge = new AtomicLong();
  private final AtomicInteger largestValue = new AtomicInteger(largestValue(DEFAULT_ITEM_SIZE));

  /**
   * Whether {@code value} is within the servers' item size; counts and logs it if not. Checked before sending
   * rather than left to the server: spymemcached mishandles a CAS write refused for size, and a large value
   * is not worth the transfer.
   */
  boolean fits(String key, Payload value) {
    if (value.size() <= largestValue.get()) {
      return true;
    }
    tooLarge(key, value);
    return false;
  }

  /** A server refused {@code value} for its size: one smaller than the item size learnt, so learn from it. */
  void refusedByServer(String key, Payload value) {
    largestValue.accumulateAndGet(value.size() - 1, Math::min);
    tooLarge(key, value);
  }

  /** Takes the item size of the servers {@code client} is connected to, from {@code stats settings}. */
  void learnFrom(MemcachedClient client) {
    largestValue.set(largestValue(smallestItemSize(client)));
  }

  /** How many values were not cached because they exceed the server's item size. */
  long valuesTooLarge() {
    return valuesTooLarge.get();
  }

  private void tooLarge(String key, Payload value) {
    if (valuesTooLarge.incrementAndGet() == 1) {
      LOG.log(System.Logger.Level.WARNING, "A value of " + value.size() + " bytes for " + KeyNames.named(key)
          + " is larger than memcached's item size (its -I option, 1 MB by default) and is not cached; the method's"
          + " result is still returned. Further such values are counted (MemcachedBackend.valuesTooLarge), not logged.");
    } else {
      LOG.log(System.Logger.Level.DEBUG, "Not cached, too large for memcached: " + value.size() + " bytes for "
          + KeyNames.named(key));
    }
  }

  /** The smallest item size of the servers that answer; the default if none tells. */
  private static int smallestItemSize(MemcachedClient client) {
    try {
      return client.getStats("settings").values().stream().map(stats -> stats.get("item_size_max"))
          .filter(Objects::nonNull).mapToInt(Integer::parseInt).min().orElse(DEFAULT_ITEM_SIZE);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "memcached did not tell its item size; assuming " + DEFAULT_ITEM_SIZE, e);
      return DEFAULT_ITEM_SIZE;
    }
  }

  private static int largestValue(int itemSize) {
    return itemSize - ITEM_OVERHEAD;
  }
}
