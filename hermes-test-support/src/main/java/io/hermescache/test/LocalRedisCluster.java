package io.hermescache.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of local {@code redis-server} nodes on free loopback ports, masters only, the 16384 slots
 * spread over them by {@code redis-cli --cluster create}; without the binaries, when Testcontainers is on the
 * class path and a Docker engine answers, the same cluster in a container. Close it to stop the nodes and
 * delete their cluster files.
 */
public final class LocalRedisCluster implements AutoCloseable {

  private static final long READY_TIMEOUT_MILLIS = 20_000;

  private final List<LocalServer> nodes = new ArrayList<>();
  private AutoCloseable container;
  private String containerNodes;

  private LocalRedisCluster() {}

  /** {@code size} (at least 3) nodes forming a cluster whose state is {@code ok} on every node when this returns. */
  public static LocalRedisCluster start(int size) {
    if (size < 3) {
      throw new IllegalArgumentException("Redis Cluster needs at least 3 masters, not " + size);
    }
    LocalRedisCluster cluster = new LocalRedisCluster();
    if ((LocalServer.find("redis-server").isEmpty() || LocalServer.find("redis-cli").isEmpty())
        && DockerEngine.available()) {
      Containers.Running inContainer = Containers.redisCluster(size);
      cluster.container = inContainer;
      cluster.containerNodes = inContainer.address();
      return cluster;
    }
    Path server = LocalRedis.binary("redis-server");
    Path cli = LocalRedis.binary("redis-cli");
    try {
      for (int i = 0; i < size; i++) {
        cluster.nodes.add(LocalServer.start(server, port -> LocalRedis.arguments(port, List.of(
            "--cluster-enabled", "yes", "--cluster-config-file", configFile(port).toString(),
            "--cluster-node-timeout", "2000"))));
      }
      List<String> create = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
      cluster.nodes.forEach(node -> create.add(address(node)));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      run(create);
      cluster.awaitReady(cli);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The nodes as {@code host:port,host:port,…}, the form of {@code hermes.redis.cluster}. */
  public String nodes() {
    if (containerNodes != null) {
      return containerNodes;
    }
    return nodes.stream().map(LocalRedisCluster::address).collect(Collectors.joining(","));
  }

  @Override
  public void close() {
    if (container != null) {
      try {
        container.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot stop the Redis Cluster container", e);
      }
      container = null;
    }
    for (LocalServer node : nodes) {
      node.close();
      try {
        Files.deleteIfExists(configFile(node.port()));
      } catch (IOException e) {
        // A stale cluster file only takes disk space; its port will not be reused in this run.
      }
    }
    nodes.clear();
  }

  private void awaitReady(Path cli) {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
    for (LocalServer node : nodes) {
      while (!run(List.of(cli.toString(), "-h", node.host(), "-p", String.valueOf(node.port()), "cluster", "info"))
          .contains("cluster_state:ok")) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("Redis Cluster " + nodes() + " did not reach cluster_state:ok in "
              + READY_TIMEOUT_MILLIS + " ms; see the logs in " + LocalServer.directory());
        }
        pause();
      }
    }
  }

  private static Path configFile(int port) {
    return LocalServer.directory().resolve("redis-cluster-" + port + ".conf");
  }

  private static String address(LocalServer node) {
    return node.host() + ":" + node.port();
  }

  /** Runs {@code command} to its end and returns its output; a failure names the command and shows the output. */
  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Redis Cluster", e);
    }
  }
}
