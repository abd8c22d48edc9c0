package io.hermescache.examples.quickstart;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The functions of the HermesCache README, as methods of a CDI bean. */
@ApplicationScoped
public class Example {

  @Inject
  Computations computations;

  @HermesCached
  public long foo(int a, int b) {
    computations.record();
    return (long) a * b;
  }

  @HermesCached(tags = {"math", "power"}, ttl = 1200)
  public double bar(int a, int b) {
    computations.record();
    return Math.pow(a, b);
  }

  @HermesCached(tags = {"math", "avg"}, key = "avg:{a}:{b}")
  public double baz(int a, int b) {
    computations.record();
    return (a + b) / 2.0;
  }
}
