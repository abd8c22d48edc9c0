package io.hermescache.test;

import java.util.ArrayList;
import java.util.List;

/**
 * What the JVMs of a {@link CoherenceWorkload} did, and the check of DESIGN.md "Coherence" over it: no read
 * that started after an invalidation returned was served a value whose computation started before that
 * invalidation started, for every invalidation that covers the read's key ({@code invalidate(key)} of the
 * key, {@code clean(tag)} of one of its tags, {@code clean()}). All stamps come from one logical clock, so
 * "returned before the read started" and "started before the invalidation" are exact across JVMs.
 */
public final class CoherenceHistory {

  /** A read of key {@code key}, stamped when it started, served the value computed at stamp {@code computed}. */
  public record Read(String worker, int key, long started, long computed, long startedMillis) {}

  /** An invalidation of {@code kind} (key, tag, all) on {@code target}, stamped when it started and once it returned. */
  public record Invalidation(String worker, String kind, String target, long started, long returned,
      long returnedMillis) {

    boolean covers(int key) {
      return switch (kind) {
        case "key" -> target.equals(Integer.toString(key));
        case "tag" -> CoherenceWorkload.tags(key).contains(target);
        default -> true;
      };
    }
  }

  private final List<Read> reads = new ArrayList<>();
  private final List<Invalidation> invalidations = new ArrayList<>();
  private int unreadable;

  /** Adds the result lines of one worker; a line cut short (a killed worker's last) is counted and skipped. */
  public void add(String worker, List<String> lines) {
    for (String line : lines) {
      String[] parts = line.trim().split(" ");
      try {
        if (parts[0].equals("READ") && parts.length == 5) {
          reads.add(new Read(worker, Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
              Long.parseLong(parts[4])));
        } else if (parts[0].equals("INV") && parts.length == 6) {
          invalidations.add(new Invalidation(worker, parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]),
              Long.parseLong(parts[5])));
        } else {
          unreadable++;
        }
      } catch (NumberFormatException e) {
        unreadable++;
      }
    }
  }

  public List<Read> reads() {
    return List.copyOf(reads);
  }

  public List<Invalidation> invalidations() {
    return List.copyOf(invalidations);
  }

  /** Every read served a value computed before an invalidation that had returned before the read started. */
  public List<String> violations() {
    return violations(java.time.Duration.ZERO);
  }

  /**
   * {@link #violations()} with a near cache's allowance (DESIGN.md, "Coherence"): a read in another JVM than
   * the invalidation's that started at most {@code nearBound} (wall time) after the invalidation returned
   * may still be served the old value; a read in the invalidating JVM never.
   */
  public List<String> violations(java.time.Duration nearBound) {
    long boundMillis = nearBound.toMillis();
    List<String> found = new ArrayList<>();
    for (Read read : reads) {
      Invalidation latest = null;
      for (Invalidation invalidation : invalidations) {
        boolean excused = !invalidation.worker().equals(read.worker())
            && read.startedMillis() - invalidation.returnedMillis() <= boundMillis && boundMillis > 0;
        if (!excused && invalidation.returned() < read.started() && invalidation.covers(read.key())
            && read.computed() < invalidation.started() && (latest == null || invalidation.started() > latest.started())) {
          latest = invalidation;
        }
      }
      if (latest != null) {
        found.add(String.format("%s read k%d at %d and was served the value computed at %d, older than %s %s of %s"
            + " (started %d, returned %d)", read.worker(), read.key(), read.started(), read.computed(), latest.kind(),
            latest.target(), latest.worker(), latest.started(), latest.returned()));
      }
    }
    return found;
  }

  /** How many operations and reads were checked, and the violations, for the test's output. */
  public String report(List<String> violations) {
    StringBuilder report = new StringBuilder(String.format(
        "coherence check: %d operations (%d reads, %d invalidations: %d invalidate(key), %d clean(tag), %d clean())"
            + " checked, %d violations%s", reads.size() + invalidations.size(), reads.size(), invalidations.size(),
        count("key"), count("tag"), count("all"), violations.size(),
        unreadable > 0 ? ", " + unreadable + " lines cut short skipped" : ""));
    violations.stream().limit(20).forEach(v -> report.append(System.lineSeparator()).append("  ").append(v));
    if (violations.size() > 20) {
      report.append(System.lineSeparator()).append("  ... and ").append(violations.size() - 20).append(" more");
    }
    return report.toString();
  }

  private long count(String kind) {
    return invalidations.stream().filter(i -> i.kind().equals(kind)).count();
  }
}
