package io.hermescache.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis Sentinel setup of local {@code redis-server} processes on free loopback ports: a master, one
 * replica, and three sentinels ({@code redis-server <config> --sentinel}, quorum 2) watching the master as
 * {@value #MASTER_NAME}. {@link #start()} returns once the replica is in sync and every sentinel knows the
 * replica and the other two sentinels, so that a failover can happen; {@link #killMaster()} and
 * {@link #awaitFailover(int, Duration)} drive one. Close it to stop every process.
 */
public final class LocalRedisSentinel implements AutoCloseable {

  /** The name the sentinels monitor the master under: {@code hermes.redis.sentinel.master}. */
  public static final String MASTER_NAME = "hermes";

  /** How long the sentinels wait before they call a silent master down. */
  public static final Duration DOWN_AFTER = Duration.ofMillis(1000);

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final List<LocalServer> data = new ArrayList<>();
  private final List<LocalServer> sentinels = new ArrayList<>();
  private final Path cli = LocalRedis.binary("redis-cli");

  private LocalRedisSentinel() {}

  /** Starts the five processes and waits until a failover is possible. Needs redis-server and redis-cli. */
  public static LocalRedisSentinel start() {
    Path server = LocalRedis.binary("redis-server");
    LocalRedisSentinel setup = new LocalRedisSentinel();
    try {
      LocalServer master = LocalServer.start(server, port -> LocalRedis.arguments(port, List.of()));
      setup.data.add(master);
      setup.data.add(LocalServer.start(server, port -> LocalRedis.arguments(port,
          List.of("--replicaof", master.host(), String.valueOf(master.port())))));
      for (int i = 0; i < 3; i++) {
        setup.sentinels.add(LocalServer.start(server, port -> List.of(configFile(port, master.port()).toString(),
            "--sentinel")));
      }
      setup.awaitReady(master.port());
      return setup;
    } catch (RuntimeException | Error e) {
      setup.close();
      throw e;
    }
  }

  /** The sentinels as {@code host:port,…}: {@code hermes.redis.sentinel.nodes}. */
  public String sentinels() {
    return sentinels.stream().map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
  }

  /** The port of the master the sentinels currently name, as the first sentinel answers. */
  public int masterPort() {
    String answer = cli(sentinels.get(0).port(), "sentinel", "get-master-addr-by-name", MASTER_NAME);
    String[] lines = answer.strip().split("\\R");
    return Integer.parseInt(lines[lines.length - 1].strip());
  }

  /** Stops the process of the current master (SIGTERM, without saving: persistence is off) and returns its port. */
  public int killMaster() {
    int port = masterPort();
    data.stream().filter(node -> node.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("No data node on port " + port)).stop();
    return port;
  }

  /**
   * Waits until every sentinel names a master other than {@code oldMasterPort} and that node answers as a
   * master; returns its port.
   */
  public int awaitFailover(int oldMasterPort, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int port = masterPort();
      if (port != oldMasterPort && cli(port, "role").startsWith("master") && allSentinelsName(port)) {
        return port;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No failover from port " + oldMasterPort + " within " + timeout
            + "; see the logs in " + LocalServer.directory());
      }
      pause();
    }
  }

  @Override
  public void close() {
    sentinels.forEach(LocalServer::close);
    data.forEach(LocalServer::close);
    for (LocalServer sentinel : sentinels) {
      try {
        Files.deleteIfExists(configPath(sentinel.port()));
      } catch (IOException e) {
        // a stale config file only takes disk space
      }
    }
    sentinels.clear();
    data.clear();
  }

  private boolean allSentinelsName(int port) {
    return sentinels.stream().allMatch(sentinel -> cli(sentinel.port(), "sentinel", "get-master-addr-by-name",
        MASTER_NAME).strip().endsWith(String.valueOf(port)));
  }

  private void awaitReady(int masterPort) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!ready(masterPort)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The Sentinel setup (sentinels " + sentinels() + ") was not ready within "
            + READY_TIMEOUT + "; see the logs in " + LocalServer.directory());
      }
      pause();
    }
  }

  /** The replica is in sync, and each sentinel sees it and two other sentinels (so a quorum can elect a leader). */
  private boolean ready(int masterPort) {
    if (!cli(data.get(1).port(), "info", "replication").contains("master_link_status:up")) {
      return false;
    }
    for (LocalServer sentinel : sentinels) {
      String master = cli(sentinel.port(), "sentinel", "master", MASTER_NAME);
      if (!field(master, "num-slaves").equals("1") || !field(master, "num-other-sentinels").equals("2")
          || !field(master, "port").equals(String.valueOf(masterPort))) {
        return false;
      }
    }
    return true;
  }

  /** In redis-cli's answer to {@code SENTINEL MASTER} (name and value on alternate lines), the value of {@code name}. */
  private static String field(String answer, String name) {
    String[] lines = answer.strip().split("\\R");
    for (int i = 0; i + 1 < lines.length; i += 2) {
      if (lines[i].strip().equals(name)) {
        return lines[i + 1].strip();
      }
    }
    return "";
  }

  private String cli(int port, String... command) {
    List<String> line = new ArrayList<>(List.of(cli.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port)));
    line.addAll(List.of(command));
    return LocalRedisCluster.run(line);
  }

  /** A sentinel's configuration file (sentinels rewrite it, so each has its own). */
  private static Path configFile(int port, int masterPort) {
    String config = String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + LocalServer.directory(),
        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
        "sentinel failover-timeout " + MASTER_NAME + " 5000",
        "sentinel parallel-syncs " + MASTER_NAME + " 1", "");
    try {
      Path file = configPath(port);
      Files.createDirectories(file.getParent());
      Files.writeString(file, config);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path configPath(int port) {
    return LocalServer.directory().resolve("sentinel-" + port + ".conf");
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Redis Sentinel", e);
    }
  }
}
