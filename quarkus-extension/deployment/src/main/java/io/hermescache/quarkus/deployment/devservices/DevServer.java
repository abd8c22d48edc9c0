package io.hermescache.quarkus.deployment.devservices;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A server Hermes can start in dev and test mode, and the one key that points Hermes at it. */
enum DevServer {

  REDIS("redis", List.of("hermes.redis.uri", "hermes.redis.cluster", "hermes.redis.sentinel.nodes"),
      "redis://localhost:6379/0", "redis://my-redis:6379/0", "redis-server", "docker.io/library/redis:7", 6379) {
    @Override
    List<String> command(String executable, int port) {
      // a scratch server: nothing written to disk, nothing kept from one start to the next
      return List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
          "--appendonly", "no");
    }

    @Override
    List<String> containerCommand() {
      return List.of("redis-server", "--save", "", "--appendonly", "no");
    }

    @Override
    String setting(String hostAndPort) {
      return "redis://" + hostAndPort + "/0";
    }
  },

  MEMCACHED("memcached", List.of("hermes.memcached.servers"), "localhost:11211", "my-memcached:11211", "memcached",
      "docker.io/library/memcached:1.6", 11211) {
    @Override
    List<String> command(String executable, int port) {
      // -u is required when run as root (CI containers) and ignored otherwise; -U 0: no UDP
      return List.of(executable, "-l", "127.0.0.1", "-p", String.valueOf(port), "-U", "0",
          "-u", System.getProperty("user.name"));
    }

    @Override
    List<String> containerCommand() {
      return List.of(); // the image's own
    }

    @Override
    String setting(String hostAndPort) {
      return hostAndPort;
    }
  };

  private final String backend;
  private final List<String> addressKeys;
  private final String fallback;
  private final String example;
  private final String executable;
  private final String image;
  private final int port;

  DevServer(String backend, List<String> addressKeys, String fallback, String example, String executable, String image,
      int port) {
    this.backend = backend;
    this.addressKeys = addressKeys;
    this.fallback = fallback;
    this.example = example;
    this.executable = executable;
    this.image = image;
    this.port = port;
  }

  /** The server {@code hermes.backend=<backend>} needs, if Hermes can start one. */
  static Optional<DevServer> forBackend(String backend) {
    for (DevServer server : values()) {
      if (server.backend.equals(backend)) {
        return Optional.of(server);
      }
    }
    return Optional.empty();
  }

  /** The command line that starts the server on {@code port} of the loopback interface. */
  abstract List<String> command(String executable, int port);

  /** The arguments of the server in its container, where it listens on every interface. */
  abstract List<String> containerCommand();

  /** The value of {@link #key()} for a server at {@code host:port}. */
  abstract String setting(String hostAndPort);

  String backend() {
    return backend;
  }

  /** The Hermes key that names the server, e.g. {@code hermes.redis.uri}. */
  String key() {
    return addressKeys.get(0);
  }

  /** The keys any of which, set, says where the servers are, e.g. the seeds of a Redis Cluster too. */
  List<String> addressKeys() {
    return addressKeys;
  }

  /**
   * The one line that says what to set when Hermes starts no server.
   *
   * @param why why it starts none, e.g. {@code "Dev Services are off"}
   */
  String unsetMessage(String why) {
    return "hermes.backend=" + backend + " but " + key() + " is not set and " + why + ", so Hermes uses " + fallback
        + "; set " + key() + " (e.g. %dev." + key() + "=" + example + ") to use another server";
  }

  /** The binary looked for on the {@code PATH}, e.g. {@code redis-server}. */
  String executable() {
    return executable;
  }

  String image() {
    return image;
  }

  /** The port the server listens on inside its container. */
  int port() {
    return port;
  }

  /** {@link #executable()} in one of the directories of {@code path} (the {@code PATH} variable's form). */
  Optional<Path> findExecutable(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
