package io.hermescache.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers fallback: Redis, memcached and a Redis Cluster in containers, for machines with a
 * Docker engine but without the binaries. Only {@link DockerEngine} loads this class, after checking that
 * Testcontainers is on the class path; every container is an {@link AutoCloseable} that stops it.
 */
final class Containers {

  private static final DockerImageName REDIS = DockerImageName.parse("redis:7.4-alpine");
  private static final DockerImageName MEMCACHED = DockerImageName.parse("memcached:1.6-alpine");
  private static final int REDIS_PORT = 6379;
  private static final int MEMCACHED_PORT = 11211;

  private Containers() {}

  static boolean engineAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * A started container and the address tests use, in the form the configuration key wants. Its type names
   * nothing of Testcontainers, so that the extensions that keep it load without Testcontainers.
   */
  record Running(String address, AutoCloseable container) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      container.close();
    }
  }

  /** A started Redis container; the address is its {@code redis://host:port/0}. */
  static Running redis() {
    GenericContainer<?> redis = new GenericContainer<>(REDIS).withExposedPorts(REDIS_PORT)
        .withCommand("redis-server", "--save", "", "--appendonly", "no").waitingFor(Wait.forListeningPort());
    redis.start();
    return new Running("redis://" + redis.getHost() + ":" + redis.getMappedPort(REDIS_PORT) + "/0", redis);
  }

  /** A started memcached container (64 MB); the address is its {@code host:port}. */
  static Running memcached() {
    GenericContainer<?> memcached = new GenericContainer<>(MEMCACHED).withExposedPorts(MEMCACHED_PORT)
        .withCommand("memcached", "-m", "64").waitingFor(Wait.forListeningPort());
    memcached.start();
    return new Running(memcached.getHost() + ":" + memcached.getMappedPort(MEMCACHED_PORT), memcached);
  }

  /**
   * A Redis Cluster of {@code size} masters in one container; the address is {@code host:port,…} of its nodes. Cluster nodes tell clients their own address,
   * so each listens on a host port chosen free here, published as the same port (its bus port too), and
   * announces the Docker host's address: the addresses in {@code CLUSTER SLOTS} are the ones a client reaches.
   */
  static Running redisCluster(int size) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(LocalServer.freePort());
    }
    String announce = address(DockerClientFactory.instance().dockerHostIpAddress());
    String servers = ports.stream().map(port -> "redis-server --port " + port + " --cluster-enabled yes"
        + " --cluster-config-file nodes-" + port + ".conf --cluster-node-timeout 2000 --save '' --appendonly no"
        + " --cluster-announce-ip " + announce + " --daemonize yes").collect(Collectors.joining(" && "));
    GenericContainer<?> container = new GenericContainer<>(REDIS)
        .withCommand("sh", "-c", servers + " && sleep infinity")
        .waitingFor(Wait.forSuccessfulCommand("redis-cli -p " + ports.get(ports.size() - 1) + " ping"));
    List<String> bindings = new ArrayList<>();
    ports.forEach(port -> bindings.addAll(List.of(port + ":" + port, (port + 10000) + ":" + (port + 10000))));
    container.setPortBindings(bindings);
    container.start();
    try {
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      ports.forEach(port -> create.add(announce + ":" + port));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      exec(container, create);
      long deadline = System.currentTimeMillis() + 20_000;
      for (int port : ports) {
        while (!exec(container, List.of("redis-cli", "-p", String.valueOf(port), "cluster", "info"))
            .contains("cluster_state:ok")) {
          if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("The Redis Cluster in a container did not reach cluster_state:ok in 20 s");
          }
          Thread.sleep(50);
        }
      }
      String host = container.getHost();
      return new Running(ports.stream().map(port -> host + ":" + port).collect(Collectors.joining(",")), container);
    } catch (InterruptedException e) {
      container.stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the Redis Cluster", e);
    } catch (RuntimeException e) {
      container.stop();
      throw e;
    }
  }

  private static String exec(GenericContainer<?> container, List<String> command) throws InterruptedException {
    try {
      Container.ExecResult result = container.execInContainer(command.toArray(String[]::new));
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed in the container:\n"
            + result.getStdout() + result.getStderr());
      }
      return result.getStdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The IP address of {@code host}: {@code cluster-announce-ip} takes no names. */
  private static String address(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Cannot resolve the Docker host " + host, e);
    }
  }
}
