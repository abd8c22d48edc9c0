package io.hermescache.examples.quickstart;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** The README quickstart, step by step, saying after each call whether it ran or came from the cache. */
@ApplicationScoped
public class Walkthrough {

  @Inject
  Hermes hermes;

  @Inject
  Example example;

  @Inject
  Computations computations;

  public void run() {
    System.out.println("Hermes quickstart on the " + hermes.backend().getClass().getSimpleName() + " backend");

    step("First calls compute, repeated calls are served from the cache");
    callAll();
    callAll();

    step("hermes.invalidate(() -> example.bar(2, 10)) drops exactly that entry");
    hermes.invalidate(() -> example.bar(2, 10));
    callAll();

    step("hermes.invalidate(...) of foo and baz as well");
    hermes.invalidate(() -> example.foo(2, 333));
    hermes.invalidate(() -> example.baz(2, 10));
    callAll();

    step("hermes.clean(\"math\") drops every entry tagged math: bar and baz, not foo");
    hermes.clean("math");
    callAll();

    step("hermes.clean() drops everything under this prefix");
    hermes.clean();
    callAll();

    step("Statistics");
    for (String method : new String[] {"foo", "bar", "baz"}) {
      CacheStats stats = hermes.stats().of(Example.class.getName() + "." + method);
      System.out.printf("  %s: %d hits, %d misses, %d loads%n", method, stats.hits(), stats.misses(), stats.loads());
    }
  }

  private void callAll() {
    call("foo(2, 333)", () -> example.foo(2, 333));
    call("bar(2, 10)", () -> example.bar(2, 10));
    call("baz(2, 10)", () -> example.baz(2, 10));
  }

  private void call(String what, Supplier<Object> call) {
    long before = computations.count();
    Object value = call.get();
    String source = computations.count() > before ? "computed" : "served from cache";
    System.out.printf("  %-12s = %-8s %s%n", what, value, source);
  }

  private static void step(String title) {
    System.out.println();
    System.out.println(title);
  }
}
