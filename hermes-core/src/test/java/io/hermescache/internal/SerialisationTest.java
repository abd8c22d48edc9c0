package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerialisationTest {

  public record Foo(String name, List<Integer> numbers) {}

  /** Generic return types, as the interceptor sees them. */
  interface Signatures {
    List<Foo> list();

    Map<String, Foo> map();

    Optional<Foo> optional();

    long primitive();
  }

  private final JsonbSerialiser jsonb = new JsonbSerialiser();

  private static Type returnType(String method) throws NoSuchMethodException {
    return Signatures.class.getMethod(method).getGenericReturnType();
  }

  private Object roundTrip(Object value, Type type) {
    return jsonb.deserialise(jsonb.serialise(value, type), type);
  }

  @Test
  void genericTypesRoundTrip() throws Exception {
    Foo foo = new Foo("a", List.of(1, 2));
    assertThat(roundTrip(foo, Foo.class)).isEqualTo(foo);
    assertThat(roundTrip(List.of(foo, foo), returnType("list"))).isEqualTo(List.of(foo, foo));
    assertThat(roundTrip(Map.of("k", foo), returnType("map"))).isEqualTo(Map.of("k", foo));
    assertThat(roundTrip(Optional.of(foo), returnType("optional"))).isEqualTo(Optional.of(foo));
    assertThat(roundTrip(Optional.empty(), returnType("optional"))).isEqualTo(Optional.empty());
    assertThat(roundTrip(42L, returnType("primitive"))).isEqualTo(42L);
  }

  @Test
  void envelopeCarriesVersionsExpiryAndValueAndCompressesAtTheThreshold() {
    DeflateCompressor deflate = new DeflateCompressor();
    byte[][] versions = {"ns-version".getBytes(StandardCharsets.UTF_8), "tag-version".getBytes(StandardCharsets.UTF_8)};
    String small = "x";
    String large = "y".repeat(1000);
    byte[] smallBytes = Envelope.encode(versions, 1234, 5, small, String.class, jsonb, deflate, 100);
    byte[] largeBytes = Envelope.encode(versions, 1234, 5, large, String.class, jsonb, deflate, 100);
    assertThat(largeBytes.length).as("compressed").isLessThan(200);

    Envelope decoded = Envelope.decode(largeBytes, String.class, jsonb, deflate);
    assertThat(decoded.value).isEqualTo(large);
    assertThat(decoded.expiresAt).isEqualTo(1234);
    assertThat(decoded.matches(versions)).isTrue();
    assertThat(decoded.matches(new byte[][] {versions[0], "newer".getBytes(StandardCharsets.UTF_8)})).isFalse();
    assertThat(decoded.matches(new byte[][] {versions[0], null})).isFalse();
    assertThat(Envelope.decode(smallBytes, String.class, jsonb, deflate).value).isEqualTo(small);
    assertThat(Envelope.decode(Envelope.encode(versions, 1, 0, null, String.class, jsonb, null, 0), String.class, jsonb,
        null).value).isNull();
  }

  @Test
  void foreignOrTruncatedBytesAreRejected() {
    DeflateCompressor deflate = new DeflateCompressor();
    byte[] valid = Envelope.encode(new byte[0][], 1, 0, "z".repeat(500), String.class, jsonb, deflate, 100);
    byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 10);
    assertThatThrownBy(() -> Envelope.decode(truncated, String.class, jsonb, deflate)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> Envelope.decode("{\"json\":1}".getBytes(StandardCharsets.UTF_8), String.class, jsonb, deflate))
        .isExactlyInstanceOf(Envelope.Unreadable.class);
  }
}
