package io.hermescache.examples.jakartaee;

import java.util.List;

/** MicroProfile Health's answer, e.g. from {@code /health/ready}, as JSON-B reads it. */
public record Health(String status, List<HealthCheck> checks) {

  HealthCheck check(String name) {
    return checks.stream().filter(check -> check.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("No check " + name + " in " + checks));
  }
}
