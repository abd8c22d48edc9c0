package io.hermescache.docs.api;

public record User(long id, String name) {}
