package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * JVMs started with this JVM's class path, for tests across processes (dogpile protection between
 * machines). Each worker's output goes to a file under {@code target}; its lines starting {@code RESULT }
 * are its results. Closing kills every worker still running and deletes the files.
 *
 * <p>The workers start their work together: each counts itself in {@value #READY} of the run's
 * {@link SharedCounters} and waits ({@link #awaitCommonStart}); the test waits until all are ready
 * ({@link #awaitReady}), then sets {@value #GO} ({@link #signalStart}). The static methods are for the
 * workers' side.
 */
public final class WorkerJvms implements AutoCloseable {

  /** The shared counter of workers ready to start. */
  public static final String READY = "ready";
  /** The shared flag that starts the workers. */
  public static final String GO = "go";

  private static final String RESULT = "RESULT ";

  private final List<Process> processes = new ArrayList<>();
  private final List<Path> outputs = new ArrayList<>();

  private WorkerJvms() {}

  /** {@code count} JVMs running {@code main} with {@code arguments}, started now. */
  public static WorkerJvms start(int count, Class<?> main, String... arguments) throws IOException {
    WorkerJvms workers = new WorkerJvms();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(arguments));
    Files.createDirectories(Path.of("target"));
    for (int i = 0; i < count; i++) {
      Path output = Files.createTempFile(Path.of("target"), main.getSimpleName() + "-", ".log");
      workers.outputs.add(output);
      workers.processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start());
    }
    return workers;
  }

  public int size() {
    return processes.size();
  }

  public Process process(int worker) {
    return processes.get(worker);
  }

  /** Fails, showing its output, if a worker has died. */
  public void assertAlive() {
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).isAlive()).as("worker %d is running; its output:%n%s", i, output(i)).isTrue();
    }
  }

  /** The results of {@code worker}, once it has exited normally (within 30 s). */
  public List<String> results(int worker) throws InterruptedException {
    Process process = processes.get(worker);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("worker %d finished", worker).isTrue();
    assertThat(process.exitValue()).as("exit of worker %d; its output:%n%s", worker, output(worker)).isZero();
    try {
      return Files.readAllLines(outputs.get(worker)).stream().filter(line -> line.startsWith(RESULT))
          .map(line -> line.substring(RESULT.length())).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The results of every worker but {@code skipped} (e.g. one the test killed), in worker order. */
  public List<String> resultsOfAllBut(int skipped) throws InterruptedException {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      if (i != skipped) {
        all.addAll(results(i));
      }
    }
    return all;
  }

  /** The results of every worker, in worker order. */
  public List<String> resultsOfAll() throws InterruptedException {
    return resultsOfAllBut(-1);
  }

  /** Kills the worker whose process id is {@code pid}, waits until it is gone, and returns its index. */
  public int kill(long pid) throws InterruptedException {
    for (int i = 0; i < processes.size(); i++) {
      if (processes.get(i).pid() == pid) {
        processes.get(i).destroyForcibly().waitFor();
        return i;
      }
    }
    throw new AssertionError("process " + pid + " is not one of the workers");
  }

  /**
   * Waits until every worker has counted itself ready in {@code shared}; fails, showing its output, if a
   * worker dies first, and fails if that takes longer than {@code within}.
   */
  public void awaitReady(SharedCounters shared, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!String.valueOf(size()).equals(shared.get(READY))) {
      assertAlive();
      assertThat(System.nanoTime()).as("all workers ready within %d s", within.toSeconds()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Waits until a worker has set flag {@code name} in {@code shared} and returns it; fails (as {@code what}) after {@code within}. */
  public String awaitFlag(SharedCounters shared, String name, Duration within, String what) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    String value;
    while ((value = shared.get(name)) == null) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(5);
    }
    return value;
  }

  /** Gives the one start signal the workers wait for in {@link #awaitCommonStart}. */
  public void signalStart(SharedCounters shared) {
    shared.set(GO, "now");
  }

  /** What {@code worker} printed so far. */
  public String output(int worker) {
    try {
      return Files.readString(outputs.get(worker));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  // --- inside a worker --------------------------------------------------------------------------------

  /** In a worker: counts itself ready in {@code shared}, then waits (up to 30 s) for the test's {@link #signalStart}. */
  public static void awaitCommonStart(SharedCounters shared) throws InterruptedException {
    shared.increment(READY);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (shared.get(GO) == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no start signal within 30 s");
      }
      Thread.sleep(2);
    }
  }

  /** In a worker: runs {@code call} on {@code threads} threads at once and prints each result as a result line. */
  public static void callTogether(int threads, Callable<String> call) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(callers.submit(call));
      }
      for (Future<String> result : results) {
        System.out.println(RESULT + result.get());
      }
    } finally {
      callers.shutdown();
    }
  }

  @Override
  public void close() throws IOException {
    processes.forEach(Process::destroyForcibly);
    for (Path output : outputs) {
      Files.deleteIfExists(output);
    }
  }
}
