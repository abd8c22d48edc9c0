package io.hermescache.quarkus.test;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** The text a failed build or startup shows: the messages of an exception, its causes and suppressed ones. */
final class Failures {

  private Failures() {}

  static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      text.append(next.getMessage()).append('\n');
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      Collections.addAll(pending, next.getSuppressed());
    }
    return text.toString();
  }
}
