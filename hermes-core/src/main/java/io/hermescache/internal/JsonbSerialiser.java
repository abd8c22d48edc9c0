package io.hermescache.internal;

import io.hermescache.spi.Serialiser;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

/** JSON-B (Yasson) serialiser: the default. Values are read back with the method's generic return type. */
public final class JsonbSerialiser implements Serialiser {

  private final Jsonb jsonb = JsonbBuilder.create();

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

  @Override
  public Object deserialise(byte[] bytes, Type type) {
    return jsonb.fromJson(new ByteArrayInputStream(bytes), Types.boxed(type));
  }
}
