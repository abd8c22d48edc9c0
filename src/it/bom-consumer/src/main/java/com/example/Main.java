package com.example;

import io.hermescache.Hermes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Caches one value twice through the default backend found on the class path; fails unless it computed once. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    AtomicInteger loads = new AtomicInteger();
    try (Hermes hermes = Hermes.builder().ttl(Duration.ofMinutes(1)).build()) {
      for (int i = 0; i < 2; i++) {
        hermes.cached("answer", List.of("demo"), Duration.ofMinutes(1), Integer.class, () -> {
          loads.incrementAndGet();
          return 42;
        });
      }
    }
    if (loads.get() != 1) {
      throw new IllegalStateException("expected one computation, got " + loads.get());
    }
    System.out.println("bom-consumer: cached through " + Hermes.class.getPackage().getName() + ", computed once");
  }
}
