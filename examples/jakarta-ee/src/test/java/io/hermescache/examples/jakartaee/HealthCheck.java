package io.hermescache.examples.jakartaee;

import java.util.Map;

/** One check of a MicroProfile Health answer, e.g. {@code hermes}; Payara gives the values of its data as strings. */
public record HealthCheck(String name, String status, Map<String, Object> data) {}
