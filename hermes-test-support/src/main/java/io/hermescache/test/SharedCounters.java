package io.hermescache.test;

/**
 * Counters and flags shared by the JVMs of a multi-JVM test, kept in the server under test beside the
 * cache's own keys. {@link #increment} is atomic and linearizable (Redis {@code INCR}, memcached
 * {@code incr} on one server), which makes it a logical clock every JVM can compare: unlike
 * {@code System.nanoTime()}, a stamp taken after another was returned is always larger.
 */
public interface SharedCounters extends AutoCloseable {

  /** Adds one to counter {@code name} (absent: 0) and returns the new value. */
  long increment(String name);

  /** Sets flag {@code name}. */
  void set(String name, String value);

  /** The flag or counter {@code name}, or {@code null}. */
  String get(String name);

  /** Deletes the counters and flags {@code names}, once a run is over. */
  void delete(String... names);

  @Override
  void close();
}
