package io.hermescache.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-server} of its own, on a free loopback port, with persistence off: for tests that stop and
 * restart the server (outages) or need it to themselves (a {@code SCAN} of every key). Tests that just need
 * a server use {@link RedisServerExtension}, which shares one. Close it to stop the process.
 */
public final class LocalRedis implements AutoCloseable {

  static final String MISSING_SERVER = "No Redis server for the tests: set HERMES_REDIS_URI (e.g."
      + " redis://127.0.0.1:6379/0), or install redis-server (Debian/Ubuntu: apt-get install redis-server;"
      + " macOS: brew install redis) so that the tests start one on a free port, " + DockerEngine.HOW;

  /** For the tests that start, stop and pause servers of their own: those need the binary. */
  private static final String MISSING_BINARY = "This test starts and stops Redis servers of its own and needs"
      + " redis-server and redis-cli installed (Debian/Ubuntu: apt-get install redis-server; macOS: brew install"
      + " redis); a Docker engine alone is not enough";

  private final LocalServer server;

  private LocalRedis(LocalServer server) {
    this.server = server;
  }

  /** A new server, accepting connections when this returns. */
  public static LocalRedis start() {
    return start(List.of());
  }

  /**
   * A new server started with {@code extraArguments} after the usual ones (a later option wins), e.g.
   * {@code --requirepass}, {@code --enable-debug-command local}, or TLS options with {@code --port 0} and
   * {@code --tls-port} given as {@link #PORT}.
   */
  public static LocalRedis start(List<String> extraArguments) {
    return new LocalRedis(LocalServer.start(binary("redis-server"), port -> arguments(port,
        extraArguments.stream().map(argument -> argument.equals(PORT) ? String.valueOf(port) : argument).toList())));
  }

  /** In {@link #start(List)}'s arguments, stands for the port the server was given. */
  public static final String PORT = "{port}";

  /** The port the server listens on (TLS or not). */
  public int port() {
    return server.port();
  }

  /** Pauses the server (SIGSTOP): it accepts connections but answers nothing until {@link #resume()}. */
  public void pause() {
    server.pause();
  }

  /** Lets a paused server go on. */
  public void resume() {
    server.resume();
  }

  /** {@code redis://127.0.0.1:port/0}. */
  public String uri() {
    return "redis://" + server.host() + ":" + server.port() + "/0";
  }

  /** Stops the process; {@link #restart()} brings it back, empty, on the same port. */
  public void stop() {
    server.stop();
  }

  /** Starts the process again after {@link #stop()}, on the same port, without the data it had. */
  public void restart() {
    server.start();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The command-line arguments of a throw-away server on {@code port}, followed by {@code extra}. */
  static List<String> arguments(int port, List<String> extra) {
    List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", LocalServer.directory().toString()));
    arguments.addAll(extra);
    return arguments;
  }

  /** The installed Redis program {@code name}, or a failure that says how to provide one. */
  static Path binary(String name) {
    return LocalServer.find(name).orElseThrow(() -> new IllegalStateException(MISSING_BINARY
        + " (" + name + " was not found on the PATH)"));
  }
}
