package io.hermescache.examples.quarkus;

/** A catalogue entry; cached as JSON-B, so a record is all it takes. */
public record Product(long id, String name, double price) {}
