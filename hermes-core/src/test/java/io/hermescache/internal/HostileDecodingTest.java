package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each payload of issue 16 decoded directly: every one is refused as {@link Envelope.UnreadableValue}, within a
 * bound of time. The same payloads are planted in real backends by {@code HostileInputContractTest}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileDecodingTest {

  public record Id(BigDecimal id) {}

  public record BigId(BigInteger id) {}

  public record Counts(long total, int page, List<Long> items) {}

  private static final byte[][] VERSIONS = {"ns".getBytes(StandardCharsets.UTF_8)};

  /** An envelope of the JSON string {@code "x"}, whose head {@link #envelope} reuses. */
  private static final byte[] VALID = Envelope.encode(VERSIONS, Long.MAX_VALUE, 0, "x", String.class, new JsonbSerialiser(), null, 0);

  private final JsonbSerialiser jsonb = new JsonbSerialiser();

  /** An envelope holding {@code body} as it is, as a writer to the backend could store it. */
  static byte[] envelope(byte[] body, boolean compressed) {
    byte[] valid = VALID;
    byte[] planted = new byte[valid.length - 3 + body.length];
    System.arraycopy(valid, 0, planted, 0, valid.length - 3 - 4);
    planted[2] = (byte) (compressed ? 1 : 0);
    int at = valid.length - 3 - 4;
    planted[at] = (byte) (body.length >>> 24);
    planted[at + 1] = (byte) (body.length >>> 16);
    planted[at + 2] = (byte) (body.length >>> 8);
    planted[at + 3] = (byte) body.length;
    System.arraycopy(body, 0, planted, at + 4, body.length);
    return planted;
  }

  /** Deflate data of {@code size} zero bytes: about a thousandth of that size. */
  static byte[] deflateBomb(long size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    byte[] buffer = new byte[1 << 16];
    for (long written = 0; written < size; written += zeros.length) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private Object decode(byte[] planted, Type type) {
    return Envelope.decode(planted, type, jsonb, new DeflateCompressor()).value;
  }

  private void assertMissWithin(Duration bound, byte[] planted, Type type) {
    assertMissWithin(bound, planted, type, "");
  }

  /** A miss within {@code bound}, for the reason {@code because} names (a limit, not an error it would prevent). */
  private void assertMissWithin(Duration bound, byte[] planted, Type type, String because) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> decode(planted, type)).isExactlyInstanceOf(Envelope.UnreadableValue.class)
        .hasMessageContaining(because).hasMessageNotContaining("Error");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
  }

  @Test
  void aDeflateBombStopsAtTheInflationLimit() {
    byte[] bomb = deflateBomb(200L << 20);
    assertThat(bomb.length).isLessThan(300_000);
    DeflateCompressor small = new DeflateCompressor(1 << 20);
    assertThatThrownBy(() -> Envelope.decode(envelope(bomb, true), String.class, jsonb, small))
        .isExactlyInstanceOf(Envelope.UnreadableValue.class).hasMessageContaining("inflates to more than 1048576 bytes");
    assertThat(new DeflateCompressor(1 << 20).decompress(new DeflateCompressor().compress(new byte[1 << 20])))
        .hasSize(1 << 20);
    assertThatThrownBy(() -> new DeflateCompressor(0)).isInstanceOf(IllegalArgumentException.class);
    assertMissWithin(Duration.ofSeconds(5), envelope(bomb, true), String.class, "inflates to more than 67108864 bytes");
  }

  @Test
  void deeplyNestedJsonIsRefusedBeforeItOverflowsTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertMissWithin(Duration.ofSeconds(1), envelope(deep.getBytes(StandardCharsets.US_ASCII), false), Object.class,
        "JSON nested deeper than 64 levels");
    String deepInString = "\"" + "[".repeat(100_000) + "\"";
    assertThat(decode(envelope(deepInString.getBytes(StandardCharsets.US_ASCII), false), String.class))
        .isEqualTo("[".repeat(100_000));
    String nested64 = "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH);
    assertThat(decode(envelope(nested64.getBytes(StandardCharsets.US_ASCII), false), Object.class)).isInstanceOf(List.class);
  }

  @Test
  void longNumbersAreRefusedBeforeTheyCostSeconds() {
    byte[] digits = ("{\"id\":" + "7".repeat(200_000) + "}").getBytes(StandardCharsets.US_ASCII);
    for (Type type : List.<Type>of(Id.class, BigId.class, Object.class, Map.class)) {
      assertMissWithin(Duration.ofMillis(500), envelope(digits, false), type, "a number longer than 1100 characters");
    }
    byte[] longest = ("{\"id\":" + "7".repeat(JsonLimits.MAX_NUMBER_LENGTH) + "}").getBytes(StandardCharsets.US_ASCII);
    assertThat(((BigId) decode(envelope(longest, false), BigId.class)).id().toString()).hasSize(JsonLimits.MAX_NUMBER_LENGTH);
  }

  @Test
  void numbersThatDoNotFitTheirTypeAreMissesNotOtherValues() {
    for (String number : List.of("1e999999999", "1e30", "9223372036854775808", "1.5")) {
      assertMissWithin(Duration.ofMillis(500), envelope(number.getBytes(StandardCharsets.US_ASCII), false), Long.class);
      String counts = "{\"total\":" + number + ",\"page\":1,\"items\":[]}";
      assertMissWithin(Duration.ofMillis(500), envelope(counts.getBytes(StandardCharsets.US_ASCII), false), Counts.class);
      String item = "{\"total\":1,\"page\":1,\"items\":[" + number + "]}";
      assertMissWithin(Duration.ofMillis(500), envelope(item.getBytes(StandardCharsets.US_ASCII), false), Counts.class);
    }
    assertMissWithin(Duration.ofMillis(500), envelope("{\"total\":1,\"page\":2147483648,\"items\":[]}"
        .getBytes(StandardCharsets.US_ASCII), false), Counts.class);
    assertMissWithin(Duration.ofMillis(500), envelope("1e999999999".getBytes(StandardCharsets.US_ASCII), false), BigInteger.class);
    assertThat(decode(envelope("2".getBytes(StandardCharsets.US_ASCII), false), Integer.class)).isEqualTo(2);
    assertThat(decode(envelope("7".getBytes(StandardCharsets.US_ASCII), false), int.class)).isEqualTo(7);
    assertThat(decode(envelope("1e18".getBytes(StandardCharsets.US_ASCII), false), Long.class)).isEqualTo(1_000_000_000_000_000_000L);
    assertThat(decode(envelope("-9223372036854775808".getBytes(StandardCharsets.US_ASCII), false), long.class))
        .isEqualTo(Long.MIN_VALUE);
    Counts counts = new Counts(Long.MAX_VALUE, Integer.MIN_VALUE, List.of(Long.MIN_VALUE, 0L));
    assertThat(decode(Envelope.encode(VERSIONS, 1, 0, counts, Counts.class, jsonb, null, 0), Counts.class)).isEqualTo(counts);
  }

  @Test
  void aCutDocumentWithAnUnknownPropertyEndsInsteadOfSpinning() {
    for (String cut : List.of("{\"unknown\":[1,[2", "{\"unknown\":{\"a\":{", "{\"total\":1,\"other\":[")) {
      assertMissWithin(Duration.ofMillis(500), envelope(cut.getBytes(StandardCharsets.US_ASCII), false), Counts.class);
    }
  }

  // --- the opt-in Java serialiser ------------------------------------------------------------------

  private final JavaSerialiser javaSerialiser = new JavaSerialiser("java.lang.*;java.util.*");

  private static byte[] serialised(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code bytes} with the first occurrence of {@code from} replaced by {@code to} (same length). */
  static byte[] patched(byte[] bytes, byte[] from, byte[] to) {
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        byte[] copy = bytes.clone();
        System.arraycopy(to, 0, copy, i, to.length);
        return copy;
      }
    }
    throw new AssertionError("pattern not found");
  }

  /** A serialised {@code long[]} that claims 2,147,483,639 elements in 27 bytes. */
  static byte[] hugeLongArray() {
    byte[] empty = serialised(new long[0]);
    byte[] claim = empty.clone();
    claim[claim.length - 4] = 0x7f;
    claim[claim.length - 3] = (byte) 0xff;
    claim[claim.length - 2] = (byte) 0xff;
    claim[claim.length - 1] = (byte) 0xf7;
    return claim;
  }

  /** A serialised one-element {@code ArrayList} whose size field claims 2,147,483,639. */
  static byte[] arrayListWithPatchedSize() {
    byte[] one = serialised(new ArrayList<>(List.of(1)));
    return patched(one, new byte[] {0x78, 0x70, 0, 0, 0, 1}, new byte[] {0x78, 0x70, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf7});
  }

  /** Hash sets nested {@code levels} deep, each level holding two sets that share the next: rebuilding costs 2^levels. */
  static byte[] nestedHashSets(int levels) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < levels; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("x");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return serialised(root);
  }

  private void assertJavaMissWithin(Duration bound, byte[] payload, Type type) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Envelope.decode(envelope(payload, false), type, javaSerialiser, null))
        .isExactlyInstanceOf(Envelope.UnreadableValue.class).hasMessageContaining("filter status: REJECTED");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
  }

  @Test
  void javaPayloadsThatClaimHugeSizesAreRefusedBeforeAllocating() {
    assertThat(hugeLongArray()).hasSize(27);
    assertJavaMissWithin(Duration.ofMillis(500), hugeLongArray(), Object.class);
    assertJavaMissWithin(Duration.ofMillis(500), arrayListWithPatchedSize(), List.class);
    assertThat(javaSerialiser.deserialise(serialised(new ArrayList<>(List.of(1))), List.class)).isEqualTo(List.of(1));
  }

  @Test
  void nestedHashSetsAreRefusedFast() {
    assertJavaMissWithin(Duration.ofMillis(500), nestedHashSets(24), Set.class);
    assertJavaMissWithin(Duration.ofMillis(500), nestedHashSets(60), Set.class);
    assertThat(javaSerialiser.deserialise(nestedHashSets(8), Set.class)).isInstanceOf(HashSet.class);
  }

  record Holder(Object value) implements Serializable {}

  @Test
  void gadgetEntryPointsAreRefusedEvenInAnAllowedPackage() throws Exception {
    JavaSerialiser withHolder = new JavaSerialiser("java.lang.*;java.util.*;java.net.*;" + Holder.class.getName());
    byte[] url = serialised(new Holder(new java.net.URL("http://example.com/")));
    assertThatThrownBy(() -> Envelope.decode(envelope(url, false), Holder.class, withHolder, null))
        .isExactlyInstanceOf(Envelope.UnreadableValue.class).hasMessageContaining("REJECTED");
    byte[] queue = serialised(new Holder(new java.util.PriorityQueue<>(List.of(1))));
    assertThatThrownBy(() -> Envelope.decode(envelope(queue, false), Holder.class, withHolder, null))
        .isExactlyInstanceOf(Envelope.UnreadableValue.class);
  }
}
