package io.hermescache.internal;

import static io.hermescache.internal.BackendGuard.io;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.List;

/**
 * Reads an entry with the current versions of its namespace, tags and entry version in one round trip, and
 * says what the entry is good for. An entry is coherent only if every version it stores equals the current
 * one (a missing current version never matches): then no invalidation that returned before the read
 * started happened after its computation started.
 */
final class VersionedRead {

  /** What a read found. */
  enum State {
    /** A coherent, unexpired entry: serve it. */
    HIT,
    /** A coherent entry due for early refresh: serve it, unless this caller takes the lock at once. */
    REFRESH,
    /** A coherent but expired entry (in its grace time): serve it while a peer computes. */
    STALE,
    /** Nothing coherent. */
    MISS
  }

  /** The outcome of one read: its state, the coherent entry if any, the current versions. */
  static final class Result {
    final State state;
    final Envelope entry;
    final byte[][] versions;

    Result(State state, Envelope entry, byte[][] versions) {
      this.state = state;
      this.entry = entry;
      this.versions = versions;
    }
  }

  private final Clock clock;
  private final BackendGuard guard;
  private final boolean logKeys;

  VersionedRead(Clock clock, BackendGuard guard, boolean logKeys) {
    this.clock = clock;
    this.guard = guard;
    this.logKeys = logKeys;
  }

  /**
   * Reads {@code keys.readKeys}; {@code earlyRefresh} lets the entry be found {@link State#REFRESH}.
   * {@code report}: whether an unreadable entry is counted and logged (on the first read of a call only).
   */
  Result read(KeySpace space, Backend backend, CallKeys keys, boolean earlyRefresh, boolean report) {
    List<Payload> read = io(() -> backend.getAll(keys.readKeys));
    byte[][] versions = versionsOf(read);
    Envelope found = decode(space, keys, read.get(0), report);
    if (found == null || !found.matches(versions)) {
      return new Result(State.MISS, null, versions);
    }
    long now = clock.currentTimeMillis();
    if (found.expired(now)) {
      return new Result(State.STALE, found, versions);
    }
    return new Result(earlyRefresh && found.dueForEarlyRefresh(now) ? State.REFRESH : State.HIT, found, versions);
  }

  /**
   * Creates the versions missing from {@code versions} (set-if-absent; if another caller won, its version is
   * read back), so that the value about to be computed is stored under versions that exist. The entry
   * version (last) lives {@code entryVersionTtl}, tag and namespace versions forever.
   */
  void createMissing(Backend backend, CallKeys keys, byte[][] versions, Duration entryVersionTtl) {
    for (int i = 0; i < versions.length; i++) {
      if (versions[i] == null) {
        String versionKey = keys.readKeys.get(i + 1);
        Duration ttl = i == versions.length - 1 ? entryVersionTtl : Duration.ZERO;
        Payload created = Payload.of(Keys.token());
        if (io(() -> backend.add(versionKey, created, ttl))) {
          versions[i] = created.bytes();
        } else {
          Payload winner = io(() -> backend.getAll(List.of(versionKey))).get(0);
          versions[i] = (winner != null ? winner : created).bytes();
        }
      }
    }
  }

  /** How logs name an entry: its space and a short hash of its key, the key itself only with {@code hermes.log.keys}. */
  String describe(KeySpace space, CallKeys keys) {
    return logKeys ? keys.entryKey : space.name + " entry #" + Keys.hash(keys.entryKey.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
  }

  private Envelope decode(KeySpace space, CallKeys keys, Payload payload, boolean report) {
    if (payload == null) {
      return null;
    }
    try {
      return payload.decode(space.decoder);
    } catch (Envelope.UnreadableValue e) {
      // a miss, overwritten next; but a type that can never be read back makes every call a miss, so this
      // is counted and shown rather than hidden
      if (report) {
        space.counters.errors.increment();
        guard.warn(e, "Entry " + describe(space, keys) + " is treated as a miss: " + e.getMessage());
      }
      return null;
    } catch (RuntimeException e) {
      BackendGuard.LOG.log(System.Logger.Level.DEBUG, () -> "Unreadable entry " + describe(space, keys)
          + " is treated as a miss: " + e);
      return null;
    }
  }

  /** The versions under keys {@code 1..} of a read, {@code null} where absent. */
  private static byte[][] versionsOf(List<Payload> read) {
    byte[][] versions = new byte[read.size() - 1][];
    for (int i = 1; i < read.size(); i++) {
      Payload version = read.get(i);
      versions[i - 1] = version == null ? null : version.bytes();
    }
    return versions;
  }
}
