package io.hermescache.docs.quarkus;

public record Stock(long productId, int available) {}
