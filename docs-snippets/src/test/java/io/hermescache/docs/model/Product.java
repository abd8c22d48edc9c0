package io.hermescache.docs.model;

import java.math.BigDecimal;

/** The product the pages cache. */
public record Product(long id, String name, BigDecimal price) {}
