package io.hermescache.internal;

import io.hermescache.spi.Serialiser;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
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
    // Yasson writes a value declared as a @JsonbTypeInfo type with no "@type" (and no properties) unless given
    // the runtime class; the type information then comes from the annotated supertype
    Type written = type instanceof Class<?> && ((Class<?>) type).isAnnotationPresent(JsonbTypeInfo.class)
        ? value.getClass() : Types.boxed(type);
    // through a String: a generator over an OutputStream pays for a stream encoder of 8 KiB per call
    return jsonb.toJson(value, written).getBytes(StandardCharsets.UTF_8);
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
      // decoded to a String at once: a parser over an InputStream pays for a stream decoder of 8 KiB per call;
      // closed here, as Yasson leaves a parser it is given open, so that its buffer goes back to the pool
      Reader text = new StringReader(new String(bytes, StandardCharsets.UTF_8));
      try (JsonParser parser = new ExactNumberParser(parsers.createParser(text))) {
        return ((YassonJsonb) jsonb).fromJson(parser, Types.boxed(type));
      }
    }
    return jsonb.fromJson(new ByteArrayInputStream(bytes), Types.boxed(type));
  }
}
