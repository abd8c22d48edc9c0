package io.hermescache.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A server binary (redis-server, memcached) started on a free loopback port for a test run, and stopped
 * with it. It listens on 127.0.0.1 only; its output goes to a log file under the build directory, named
 * in every failure.
 */
public final class LocalServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final Path binary;
  private final IntFunction<List<String>> arguments;
  private final Path log;
  private final int port;
  private final Map<String, String> environment;
  private Process process;

  private LocalServer(Path binary, IntFunction<List<String>> arguments, int port, Map<String, String> environment) {
    this.binary = binary;
    this.arguments = arguments;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.log = directory().resolve(binary.getFileName() + "-" + port + ".log");
  }

  /**
   * Starts {@code binary} with {@code arguments.apply(port)} on a free port and waits until it accepts
   * connections.
   */
  public static LocalServer start(Path binary, IntFunction<List<String>> arguments) {
    return start(binary, arguments, Map.of());
  }

  /** As {@link #start(Path, IntFunction)}, with {@code environment} added to the process' environment. */
  public static LocalServer start(Path binary, IntFunction<List<String>> arguments, Map<String, String> environment) {
    LocalServer server = new LocalServer(binary, arguments, freePort(), environment);
    server.start();
    return server;
  }

  /** The executable {@code name} on the PATH or in the usual system folders, if installed. */
  public static Optional<Path> find(String name) {
    List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    folders.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/opt/homebrew/bin"));
    return folders.stream().filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable).findFirst();
  }

  /** Where servers' logs and files go: {@code target/servers} of the module under test. */
  static Path directory() {
    return Path.of("target", "servers").toAbsolutePath();
  }

  /** A port free on loopback now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** Starts the server again on the same port after {@link #stop()}; for outage tests. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments.apply(port));
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(binary + " did not start on port " + port + "; see " + log);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting " + binary, e);
      }
    }
  }

  /**
   * Pauses the server with SIGSTOP: it keeps its connections and accepts new ones (the kernel does), but
   * answers nothing until {@link #resume()}: a server that hangs, for slow-server tests.
   */
  public synchronized void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause() paused} server go on (SIGCONT); it answers what it was sent meanwhile. */
  public synchronized void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(binary + " on port " + port + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run kill -" + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while signalling " + binary, e);
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s), paused or not. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      signal("CONT"); // a paused process would not act on SIGTERM
    }
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** The process, e.g. to pause it with SIGSTOP in a slow-server test. */
  public synchronized Optional<ProcessHandle> handle() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  @Override
  public void close() {
    stop();
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
