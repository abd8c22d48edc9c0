package io.hermescache.docs.python;

import io.hermescache.Hermes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The HermesCache README's calls, in the order of the page's table. */
@ApplicationScoped
public class Readme {

  @Inject Example example;   // Java has no free functions: foo is a method too

  void print() {
    System.out.println(example.foo(2, 333));
    System.out.println(example.bar(2, 10));
    System.out.println(example.baz(2, 10));
  }

  @Inject Hermes hermes;

  void invalidate() {
    hermes.invalidate(() -> example.foo(2, 333));
    hermes.invalidate(() -> example.bar(2, 10));
    hermes.invalidate(() -> example.baz(2, 10));
  }

  void clean() {
    hermes.clean("math");  // invalidate entries tagged math
    hermes.clean();        // invalidate this prefix, O(1)
  }
}
