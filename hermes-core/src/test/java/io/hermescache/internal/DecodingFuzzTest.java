package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded loop of mutated envelopes and JSON documents decoded directly: each one decodes or is
 * {@link Envelope.Unreadable} (a miss), and nothing else ever escapes, whatever the bytes.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DecodingFuzzTest {

  public record Line(String sku, int quantity, BigDecimal price) {}

  public record Order(long id, String customer, List<Line> lines, Map<String, Double> weights, Optional<String> note) {}

  private static final int ROUNDS = 100_000;
  private static final byte[][] VERSIONS = {"namespace-version-01".getBytes(StandardCharsets.UTF_8), "tag".getBytes(StandardCharsets.UTF_8)};
  /** Fragments a mutation splices in: what breaks parsers and binders most often. */
  private static final List<String> FRAGMENTS = List.of("[", "]", "{", "}", "\"", "\\", ":", ",", "1e999999999", "-",
      "9".repeat(40), "null", "true", "\\u0000", "\\ud800", "1.5", "\"lines\":", "[[[[[[[[", "{\"a\":", "NaN", "1e-999");

  /** {@code List<Long>}. */
  private static final Type LONGS = new java.util.ArrayList<Long>() {}.getClass().getGenericSuperclass();

  private final JsonbSerialiser jsonb = new JsonbSerialiser();
  private final DeflateCompressor deflate = new DeflateCompressor(1 << 20);

  @Test
  void mutatedEnvelopesAndDocumentsAreValuesOrMissesNeverAnythingElse() {
    Order order = new Order(42, "Ada", List.of(new Line("tea", 2, new BigDecimal("3.50")), new Line("milk", 1, BigDecimal.ONE)),
        Map.of("tea", 0.25), Optional.of("ring twice"));
    List<Sample> samples = List.of(
        new Sample(Envelope.encode(VERSIONS, 1000, 3, order, Order.class, jsonb, deflate, 1_000_000), Order.class),
        new Sample(Envelope.encode(VERSIONS, 1000, 3, order, Order.class, jsonb, deflate, 0), Order.class),
        new Sample(Envelope.encode(VERSIONS, 1000, 3, List.of(1L, 2L, 3L), LONGS,
            jsonb, null, 0), LONGS),
        new Sample(Envelope.encode(VERSIONS, 1000, 3, null, String.class, jsonb, null, 0), String.class));
    Random random = new Random(16);
    int values = 0;
    int misses = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      byte[] bytes = round % 2 == 0 ? mutate(sample.bytes, random) : wrapJson(mutateJson(random, order), random);
      try {
        Envelope.decode(bytes, sample.type, jsonb, deflate);
        values++;
      } catch (Envelope.Unreadable expected) {
        misses++;
      } catch (Throwable escaped) {
        fail("round " + round + " escaped with " + escaped, escaped);
      }
    }
    assertThat(values + misses).isEqualTo(ROUNDS);
    assertThat(misses).as("mutations that break the value").isGreaterThan(ROUNDS / 4);
    assertThat(values).as("mutations that leave a readable value").isGreaterThan(ROUNDS / 100);
  }

  private record Sample(byte[] bytes, Type type) {}

  /** One to four byte-level mutations: flips, overwrites, cuts, insertions and duplicated spans. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0 -> {
          if (bytes.length > 0) {
            bytes[at] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> {
          if (bytes.length > 0) {
            bytes[at] = (byte) random.nextInt(256);
          }
        }
        case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
        case 3 -> bytes = splice(bytes, at, new byte[] {(byte) random.nextInt(256)});
        default -> bytes = splice(bytes, at, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(16))));
      }
    }
    return bytes;
  }

  /** The JSON of an order with fragments spliced in, or a run of one fragment, the way a writer could plant it. */
  private String mutateJson(Random random, Order order) {
    StringBuilder json = new StringBuilder(new String(jsonb.serialise(order, Order.class), StandardCharsets.UTF_8));
    if (random.nextInt(10) == 0) {
      return FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).repeat(1 + random.nextInt(5000));
    }
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int at = random.nextInt(json.length() + 1);
      if (random.nextBoolean()) {
        json.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      } else if (at < json.length()) {
        json.deleteCharAt(at);
      }
    }
    return json.toString();
  }

  /** A well-formed envelope around {@code json}, compressed or not. */
  private byte[] wrapJson(String json, Random random) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    boolean compressed = random.nextBoolean();
    return HostileDecodingTest.envelope(compressed ? deflate.compress(body) : body, compressed);
  }

  private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }
}
