package io.hermescache.quarkus.deployment.devservices;

import io.quarkus.deployment.builditem.Startable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A {@code redis-server} or {@code memcached} binary run as a child process on a free loopback port, for
 * machines without Docker. Quarkus' Dev Services registry closes it when the application stops, which
 * ends the process; a JVM that exits without closing the application (a {@code @QuarkusTest} run ends
 * so) ends it through a shutdown hook, as Testcontainers' reaper removes containers.
 */
final class LocalServer implements Startable {

  private static final Logger LOG = Logger.getLogger(LocalServer.class);
  private static final long READY_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Another process may take the free port between our look and the server's bind: try again. */
  private static final int ATTEMPTS = 3;

  private final DevServer server;
  private final Path executable;
  private Process process;
  private Thread stopAtExit;
  private int port;

  LocalServer(DevServer server, Path executable) {
    this.server = server;
    this.executable = executable;
  }

  @Override
  public void start() {
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        port = freePort();
        process = new ProcessBuilder(server.command(executable.toString(), port))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitReady();
        Process started = process;
        stopAtExit = new Thread(started::destroy, "hermes-dev-services-stop-" + server.executable());
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        return;
      } catch (IOException | IllegalStateException e) {
        close();
        failure = new IllegalStateException("Could not start " + executable + " on 127.0.0.1:" + port + ": "
            + e.getMessage(), e);
      }
    }
    throw failure;
  }

  /** Polls the port: neither binary says on its own, in a form common to their versions, when it listens. */
  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + READY_WITHIN_NANOS;
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("it exited with status " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("it did not accept connections within 10 s");
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String getConnectionInfo() {
    return "127.0.0.1:" + port;
  }

  /** Not a container. */
  @Override
  public String getContainerId() {
    return null;
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    if (stopAtExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
      } catch (IllegalStateException exiting) {
        // the JVM is exiting: the hook stops the process too
      }
      stopAtExit = null;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LOG.debugf("Stopped %s on 127.0.0.1:%d", executable, port);
    process = null;
  }
}
