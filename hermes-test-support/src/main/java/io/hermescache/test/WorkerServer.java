package io.hermescache.test;

import java.util.function.Function;

/**
 * The server under test as the multi-JVM contract tests see it: its name in what they print, where their
 * worker JVMs find it (the workers' first argument, e.g. a Redis URI), and how to open the
 * {@link SharedCounters} of a run there, the same the workers open.
 *
 * @param name the backend's name, in what the tests print
 * @param connection where the workers find the server
 * @param countersOfRun the counters of the run whose Hermes prefix it is given
 */
public record WorkerServer(String name, String connection, Function<String, SharedCounters> countersOfRun) {

  /** The counters of the run whose Hermes prefix is {@code hermesPrefix}. */
  public SharedCounters counters(String hermesPrefix) {
    return countersOfRun.apply(hermesPrefix);
  }
}
