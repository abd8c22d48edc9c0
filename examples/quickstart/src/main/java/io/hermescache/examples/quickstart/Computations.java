package io.hermescache.examples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counts how often a method body really ran, so the walkthrough can tell a computation from a cache hit. */
@ApplicationScoped
public class Computations {

  private final AtomicLong count = new AtomicLong();

  void record() {
    count.incrementAndGet();
  }

  public long count() {
    return count.get();
  }
}
