package io.hermescache.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A parser whose {@link #getInt()} and {@link #getLong()} refuse a number that does not fit instead of
 * wrapping it: JSON-P defines them as {@code BigDecimal.intValue()} / {@code longValue()}, so {@code 1e30}
 * read as a {@code long} would be 5076944270305263616, another value. JSON-B reads {@code int} and
 * {@code long} (primitive or boxed, in any position) through these two methods.
 *
 * <p>It also skips unknown properties itself: see {@link #skipArray()}.
 */
final class ExactNumberParser implements JsonParser {

  private final JsonParser parser;

  ExactNumberParser(JsonParser parser) {
    this.parser = parser;
  }

  /** @throws ArithmeticException if the number is not an {@code int} */
  @Override
  public int getInt() {
    return Math.toIntExact(getLong());
  }

  /** @throws ArithmeticException if the number is not a {@code long} */
  @Override
  public long getLong() {
    if (parser.isIntegralNumber()) {
      String digits = parser.getString();
      if (digits.length() <= 18) {
        return Long.parseLong(digits);
      }
    }
    return parser.getBigDecimal().longValueExact();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    return parser.next();
  }

  @Override
  public Event currentEvent() {
    return parser.currentEvent();
  }

  @Override
  public String getString() {
    return parser.getString();
  }

  @Override
  public boolean isIntegralNumber() {
    return parser.isIntegralNumber();
  }

  @Override
  public BigDecimal getBigDecimal() {
    return parser.getBigDecimal();
  }

  @Override
  public JsonLocation getLocation() {
    return parser.getLocation();
  }

  @Override
  public JsonObject getObject() {
    return parser.getObject();
  }

  @Override
  public JsonValue getValue() {
    return parser.getValue();
  }

  @Override
  public JsonArray getArray() {
    return parser.getArray();
  }

  @Override
  public Stream<JsonValue> getArrayStream() {
    return parser.getArrayStream();
  }

  @Override
  public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
    return parser.getObjectStream();
  }

  @Override
  public Stream<JsonValue> getValueStream() {
    return parser.getValueStream();
  }

  /** Skips by reading events, which fail at the end of input (Parsson 1.1's own skip loops forever on a cut document). */
  @Override
  public void skipArray() {
    if (parser.currentEvent() == Event.START_ARRAY) {
      skipNested();
    } else {
      parser.skipArray();
    }
  }

  /** As {@link #skipArray()}. */
  @Override
  public void skipObject() {
    if (parser.currentEvent() == Event.START_OBJECT) {
      skipNested();
    } else {
      parser.skipObject();
    }
  }

  private void skipNested() {
    for (int depth = 1; depth > 0; ) {
      Event event = parser.next();
      if (event == Event.START_ARRAY || event == Event.START_OBJECT) {
        depth++;
      } else if (event == Event.END_ARRAY || event == Event.END_OBJECT) {
        depth--;
      }
    }
  }

  @Override
  public void close() {
    parser.close();
  }
}
