package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.internal.DeflateCompressor;
import io.hermescache.internal.JavaSerialiser;
import io.hermescache.internal.Keys;
import io.hermescache.spi.Payload;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whoever can write to the shared backend, or choose a method's arguments, gets at most a miss; checked against
 * a real backend: each backend module extends this class and implements {@link #createBackend()}, and runs it in a
 * JVM with a small heap ({@code -Xmx256m}), so that a missing decoding limit fails the build with
 * {@code OutOfMemoryError} rather than passing on a large machine.
 *
 * <p>Each payload of issue 16 is planted in the backend under the key the next call reads, inside a real
 * envelope (the head, with the versions of namespace and tags, of the entry Hermes stored first): the next
 * call recomputes and answers correctly within a bound, the one after is a hit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class HostileInputContractTest extends BackendFixture {

  /**
   * How many zero bytes the deflate bomb inflates to: 1.5 GB (1.46 MB planted) unless the backend cannot
   * hold that payload (memcached's items are 1 MB by default).
   */
  protected long deflateBombSize() {
    return 1_500_000_000L;
  }

  public record Account(BigDecimal id) {}

  public record Ledger(BigInteger id) {}

  /** Where {@code hermes.cached(key, …)} stores its entry: {@code {prefix}:entry:{key}}, fitted to the backend. */
  protected String entryKey(String key) {
    return Keys.fit(prefix + ":entry:" + key, backend.keyLimits());
  }

  /**
   * Stores {@code good} under {@code key}, replaces the stored value by {@code body}, and checks that the next
   * call is a miss that recomputes {@code good} within {@code bound}, and the one after a hit.
   */
  protected <T> void plantedBodyIsAMissThenAHit(Hermes hermes, String key, Type type, T good, byte[] body,
      boolean compressed, Duration bound) {
    AtomicInteger loads = new AtomicInteger();
    Callable<T> loader = () -> {
      loads.incrementAndGet();
      return good;
    };
    assertThat((Object) hermes.cached(key, type, loader)).isEqualTo(good);
    Payload stored = backend.getAll(List.of(entryKey(key))).get(0);
    assertThat(stored).as("the entry of %s is at %s (the storage layout)", key, entryKey(key)).isNotNull();
    byte[] planted = HostilePayloads.envelopeWith(stored.bytes(), body, compressed);
    backend.set(entryKey(key), Payload.of(planted), Duration.ofMinutes(5));
    assertThat(backend.getAll(List.of(entryKey(key))).get(0)).as("the planted payload is stored").isEqualTo(Payload.of(planted));

    long start = System.nanoTime();
    assertThat((Object) hermes.cached(key, type, loader)).isEqualTo(good);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(loads).as("the planted entry is a miss").hasValue(2);
    assertThat(took).as("the miss is found within a bound").isLessThan(bound);
    assertThat((Object) hermes.cached(key, type, loader)).isEqualTo(good);
    assertThat(loads).as("the recomputed value overwrote the planted one").hasValue(2);
  }

  // --- planted payloads, default serialiser (JSON-B) -------------------------------------------------

  @Test
  void aDeflateBombIsAMiss() {
    byte[] bomb = HostilePayloads.deflateBomb(deflateBombSize());
    try (Hermes hermes = hermes().build()) {
      plantedBodyIsAMissThenAHit(hermes, "bomb", String.class, "x".repeat(200), bomb, true, Duration.ofSeconds(10));
    }
  }

  @Test
  void aDeflateBombStopsAtAConfiguredSmallerLimit() {
    byte[] bomb = HostilePayloads.deflateBomb(100L << 20);
    try (Hermes hermes = hermes().compression(new DeflateCompressor(1 << 20), 100).build()) {
      plantedBodyIsAMissThenAHit(hermes, "bomb", String.class, "x".repeat(200), bomb, true, Duration.ofSeconds(2));
    }
  }

  @Test
  void jsonNested100000DeepIsAMiss() {
    byte[] deep = HostilePayloads.nestedJson(100_000);
    byte[] compressedDeep = new DeflateCompressor().compress(deep);
    try (Hermes hermes = hermes().build()) {
      plantedBodyIsAMissThenAHit(hermes, "deep", List.class, List.of("a"), deep, false, Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "deep-compressed", Account.class, new Account(BigDecimal.ONE), compressedDeep,
          true, Duration.ofSeconds(2));
    }
  }

  @Test
  void numbersOf200000DigitsAreMisses() {
    byte[] digits = HostilePayloads.longNumber(200_000);
    try (Hermes hermes = hermes().build()) {
      plantedBodyIsAMissThenAHit(hermes, "decimal", Account.class, new Account(BigDecimal.TEN), digits, false,
          Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "integer", Ledger.class, new Ledger(BigInteger.TWO), digits, false,
          Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "list", List.class, List.of("a"), digits, false, Duration.ofSeconds(2));
    }
  }

  @Test
  void aNumberThatDoesNotFitItsTypeIsAMissNotAnotherValue() {
    try (Hermes hermes = hermes().build()) {
      plantedBodyIsAMissThenAHit(hermes, "huge-long", Long.class, 42L, "1e999999999".getBytes(), false, Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "wrapped-long", Long.class, 42L, "1e30".getBytes(), false, Duration.ofSeconds(2));
    }
  }

  // --- planted payloads, the opt-in Java serialiser ---------------------------------------------------

  private Hermes javaSerialised() {
    return hermes().serialiser(new JavaSerialiser("java.lang.*;java.util.*")).build();
  }

  @Test
  void javaPayloadsClaimingHugeSizesAreMisses() {
    try (Hermes hermes = javaSerialised()) {
      plantedBodyIsAMissThenAHit(hermes, "long-array", long[].class, new long[] {1, 2}, HostilePayloads.hugeLongArray(),
          false, Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "array-list", List.class, new ArrayList<>(List.of(1, 2)),
          HostilePayloads.arrayListWithPatchedSize(), false, Duration.ofSeconds(2));
    }
  }

  @Test
  void nestedHashSetsAreMissesFoundFast() {
    try (Hermes hermes = javaSerialised()) {
      plantedBodyIsAMissThenAHit(hermes, "sets-24", Set.class, new HashSet<>(Set.of("a")), HostilePayloads.nestedHashSets(24),
          false, Duration.ofSeconds(2));
      plantedBodyIsAMissThenAHit(hermes, "sets-60", Set.class, new HashSet<>(Set.of("a")), HostilePayloads.nestedHashSets(60),
          false, Duration.ofSeconds(2));
    }
  }

  // --- forged keys ---------------------------------------------------------------------------------

  /**
   * For every kind of key the backend changes (too long, unusable characters, braces, the marker), an argument
   * spelling the stored key of another entry reads its own entry, never the other.
   */
  @Test
  void anArgumentSpellingTheStoredKeyOfAnotherEntryNeverReadsIt() {
    List<String> victims = List.of("user:Alice Smith", "user:" + "v".repeat(600), "user:{42}", "user:a#b",
        "user:tab\there", "user:é" + "x".repeat(300));
    try (Hermes hermes = hermes().build()) {
      for (String victim : victims) {
        assertThat((Object) hermes.cached(victim, String.class, () -> "secret of the victim")).isEqualTo("secret of the victim");
        String stored = entryKey(victim);
        assertThat(backend.getAll(List.of(stored)).get(0)).as("the victim's entry is at %s", stored).isNotNull();
        String entryPrefix = prefix + ":entry:";
        if (stored.equals(entryPrefix + victim)) {
          continue;
        }
        String forged = stored.substring(entryPrefix.length());
        assertThat((Object) hermes.cached(forged, String.class, () -> "the attacker's own"))
            .as("argument %s", forged).isEqualTo("the attacker's own");
      }
    }
  }
}
