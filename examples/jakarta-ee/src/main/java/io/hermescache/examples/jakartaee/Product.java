package io.hermescache.examples.jakartaee;

import java.math.BigDecimal;

/** A catalogue entry; a record, so Hermes stores it as JSON and reads it back as a {@code Product}. */
public record Product(long id, String name, BigDecimal price) {}
