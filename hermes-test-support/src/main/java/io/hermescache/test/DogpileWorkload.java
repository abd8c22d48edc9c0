package io.hermescache.test;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * One JVM of a multi-JVM dogpile test ({@link MultiJvmDogpileContractTest}): warms up, waits for the common
 * start, then calls the cold key {@value #KEY} from many threads at once and prints {@code RESULT <value>} per
 * caller. The loader counts its runs in {@value #LOADS}, names its JVM in {@value #HOLDER}, and takes about a
 * second; its value, {@code computed by <pid>}, names the JVM that computed it.
 */
public final class DogpileWorkload {

  public static final String KEY = "cold";
  /** The shared counter of the loader's runs, across all JVMs. */
  public static final String LOADS = "loads";
  /** The shared flag naming (by process id) the JVM whose loader ran last. */
  public static final String HOLDER = "holder";

  /**
   * Runs one worker on the given backend settings, under Hermes prefix {@code prefix}, with {@code threads}
   * callers. The lock timeout (20 s) is longer than any computation, so that no caller stops waiting for one.
   */
  public static void run(Map<String, String> backend, String prefix, SharedCounters shared, int threads) throws Exception {
    Map<String, String> settings = new HashMap<>(backend);
    settings.put("hermes.prefix", prefix);
    settings.put("hermes.lock.timeout", "PT20S");
    long pid = ProcessHandle.current().pid();
    try (Hermes hermes = Hermes.builder().configure(Settings.of(settings)).build()) {
      hermes.cached("warm-up-" + pid, String.class, () -> "loads the classes a cold call needs");
      WorkerJvms.awaitCommonStart(shared);
      WorkerJvms.callTogether(threads, () -> hermes.cached(KEY, String.class, () -> {
        shared.increment(LOADS);
        shared.set(HOLDER, Long.toString(pid));
        Thread.sleep(1000);
        return "computed by " + pid;
      }));
    }
  }

  private DogpileWorkload() {}
}
