package io.hermescache.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the Testcontainers fallback can run: Testcontainers on the class path and a Docker engine that
 * answers. The first checks are cheap and quiet (a class lookup, environment variables, socket files), so a
 * machine without Docker pays nothing and sees no Testcontainers log; only when an engine looks present is
 * Testcontainers asked to connect. The answer is computed once per JVM.
 */
final class DockerEngine {

  private static final String TESTCONTAINERS_FACTORY = "org.testcontainers.DockerClientFactory";

  /** How to get the fallback, for failure messages. */
  static final String HOW = "or start a Docker engine and put org.testcontainers:testcontainers (2.0.x) on the"
      + " test class path, so that the tests start a container";

  private static volatile Boolean available;

  private DockerEngine() {}

  /** True if Testcontainers is on the class path and a Docker engine answers it. */
  static boolean available() {
    Boolean known = available;
    if (known == null) {
      known = onClassPath() && looksPresent() && Containers.engineAnswers();
      available = known;
    }
    return known;
  }

  private static boolean onClassPath() {
    try {
      Class.forName(TESTCONTAINERS_FACTORY, false, DockerEngine.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** A Docker host is configured, or one of the usual sockets exists (Linux, Docker Desktop, Colima, Podman). */
  private static boolean looksPresent() {
    if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
      return true;
    }
    String home = System.getProperty("user.home", "");
    String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/run/user/unknown");
    List<Path> sockets = List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker", "run", "docker.sock"),
        Path.of(home, ".docker", "desktop", "docker.sock"), Path.of(home, ".colima", "default", "docker.sock"),
        Path.of(home, ".rd", "docker.sock"), Path.of(runtime, "docker.sock"), Path.of(runtime, "podman", "podman.sock"),
        Path.of(home, ".testcontainers.properties"));
    return sockets.stream().anyMatch(Files::exists) || System.getProperty("os.name", "").startsWith("Windows");
  }
}
