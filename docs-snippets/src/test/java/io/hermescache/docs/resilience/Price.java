package io.hermescache.docs.resilience;

import java.math.BigDecimal;

public record Price(String sku, BigDecimal amount) {

  /** What a fallback answers when no price is known. */
  public static final Price UNKNOWN = new Price("", BigDecimal.ZERO);
}
