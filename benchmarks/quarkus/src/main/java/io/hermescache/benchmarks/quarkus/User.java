package io.hermescache.benchmarks.quarkus;

import java.util.List;

/** The cached value, of the same shape as in the other hit benchmarks. */
public record User(long id, String name, List<String> roles) {}
