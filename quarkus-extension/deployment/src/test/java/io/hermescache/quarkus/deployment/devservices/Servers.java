package io.hermescache.quarkus.deployment.devservices;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the Dev Services tests look at from outside: processes of this JVM, ports that answer. Public
 * types only: the tests run in the application's class loader, which cannot reach package-private
 * classes of the deployment module.
 */
final class Servers {

  private Servers() {}

  /**
   * How many child processes of this JVM run {@code executable} of the {@code PATH}, by its real file
   * ({@code redis-server} is a link to {@code redis-check-rdb} on Debian, and rewrites its command line).
   */
  static long children(String executable) throws IOException {
    Path binary = Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(directory -> Path.of(directory, executable))
        .filter(Files::isExecutable).findFirst().orElseThrow().toRealPath();
    return ProcessHandle.current().children()
        .filter(process -> process.info().command().map(command -> Path.of(command).equals(binary)).orElse(false))
        .count();
  }

  /** Whether something accepts connections at {@code host:port}. */
  static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
