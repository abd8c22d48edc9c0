package io.hermescache.benchmarks;

import java.util.function.IntSupplier;

/**
 * Proves in a benchmark's setup that the cache under benchmark hits: a benchmark whose calls all miss
 * would report the speed of the method, not of the cache, and no figure would show it.
 */
final class Hits {

  private Hits() {}

  /**
   * Calls {@code call} twice and fails unless the cached method ran exactly once.
   *
   * @param computations how many times the cached method has run so far (zero before the first call)
   */
  static void requireOneComputation(String what, Runnable call, IntSupplier computations) {
    call.run();
    call.run();
    if (computations.getAsInt() != 1) {
      throw new IllegalStateException(what + ": the method ran " + computations.getAsInt()
          + " times in two calls of one key; the cache does not hit");
    }
  }
}
