package io.hermescache.internal;

import io.hermescache.spi.Serialiser;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.yasson.YassonJsonb;

/**
 * JSON-B (Yasson) serialiser: the default. Values are read back with the method's generic return type.
 * Reading is bounded, because whoever can write to a shared backend chooses these bytes: {@link JsonLimits}
 * refuses deep nesting and long numbers before parsing, Parsson is given the same limits, and {@code int} /
 * {@code long} values that do not fit are refused ({@link ExactNumberParser}) rather than read as another value.
 */
public final class JsonbSerialiser implements Serialiser {

  private final Jsonb jsonb = JsonbBuilder.create();
  /**
   * Parsson's names for its limits (it refuses at its maxDepth, JsonLimits beyond it); another JSON-P provider
   * ignores them, and {@link JsonLimits} still holds.
   */
  private final JsonParserFactory parsers = Json.createParserFactory(Map.of(
      "org.eclipse.parsson.maxDepth", JsonLimits.MAX_DEPTH + 1,
      "org.eclipse.parsson.maxBigDecimalLength", JsonLimits.MAX_NUMBER_LENGTH,
      "org.eclipse.parsson.maxBigIntegerScale", JsonLimits.MAX_EXPONENT));

  @Override
  public byte[] serialise(Object value, Type type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    // Yasson writes a value declared as a @JsonbTypeInfo type with no "@type" (and no properties) unless given
    // the runtime class; the type information then comes from the annotated supertype
    Type written = type instanceof Class<?> && ((Class<?>) type).isAnnotationPresent(JsonbTypeInfo.class)
        ? value.getClass() : Types.boxed(type);
    jsonb.toJson(value, written, out);
    return out.toByteArray();
  }

  /**
   * The value; a {@link RuntimeException} if {@code bytes} exceed the limits or are not a value of {@code type}.
   * The bytes are UTF-8, as written by {@link #serialise} (a parser's encoding detection needs four bytes,
   * more than {@code 2} has).
   */
  @Override
  public Object deserialise(byte[] bytes, Type type) {
    JsonLimits.check(bytes);
    if (jsonb instanceof YassonJsonb) {
      return ((YassonJsonb) jsonb).fromJson(new ExactNumberParser(parsers.createParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)),
          Types.boxed(type));
    }
    return jsonb.fromJson(new ByteArrayInputStream(bytes), Types.boxed(type));
  }
}
