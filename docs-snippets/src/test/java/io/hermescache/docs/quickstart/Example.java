package io.hermescache.docs.quickstart;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Example {

  @HermesCached                                     // key from class, method and argument values
  public long foo(int a, int b) { return (long) a * b; }

  @HermesCached(tags = {"math", "power"}, ttl = 1200)
  public double bar(int a, int b) { return Math.pow(a, b); }

  @HermesCached(tags = {"math", "avg"}, key = "avg:{a}:{b}")
  public double baz(int a, int b) { return (a + b) / 2.0; }
}
