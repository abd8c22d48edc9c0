package io.hermescache.quarkus.deployment.devservices;

import io.quarkus.deployment.builditem.Startable;
import java.io.IOException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The server Hermes uses in dev and test mode: the Redis quarkus-redis-client's Dev Services announced
 * under {@code quarkus.redis.hosts} when there is one, else one of its own (a container or a local binary),
 * started by Quarkus' Dev Services registry and closed when the application stops.
 */
final class HermesDevServer implements Startable {

  private static final Logger LOG = Logger.getLogger(HermesDevServer.class);

  private final DevServer server;
  private final Supplier<Startable> own;
  private String announced;
  private Startable started;

  HermesDevServer(DevServer server, Supplier<Startable> own) {
    this.server = server;
    this.own = own;
  }

  /** Called by the registry, before {@link #start()}, when another Dev Service provides {@code quarkus.redis.hosts}. */
  void useAnnounced(String hosts) {
    // quarkus-redis-client's Dev Services announce one server; a list names the first one first
    announced = hosts.split(",")[0].trim();
  }

  @Override
  public void start() {
    if (announced == null) {
      started = own.get();
      started.start();
    }
  }

  /** The value of {@code hermes.redis.uri} or {@code hermes.memcached.servers} for the application. */
  String setting() {
    return announced != null ? announced : server.setting(started.getConnectionInfo());
  }

  /** Says which server Hermes uses; the registry's own line would name only {@link #getConnectionInfo()}. */
  void logStarted() {
    if (announced != null) {
      LOG.infof("Hermes uses the Redis of quarkus-redis-client's Dev Services: %s=%s", server.key(), setting());
    } else {
      LOG.infof("Hermes Dev Services started %s for hermes.backend=%s: %s=%s (stopped with the application)",
          started.getContainerId() != null ? "a container" : server.executable(), server.backend(), server.key(),
          setting());
    }
  }

  @Override
  public String getConnectionInfo() {
    return setting();
  }

  @Override
  public String getContainerId() {
    return started == null ? null : started.getContainerId();
  }

  @Override
  public void close() {
    if (started != null) {
      try {
        started.close();
      } catch (IOException e) {
        LOG.warnf("Could not stop the %s of Hermes' Dev Services: %s", server.backend(), e.getMessage());
      }
      started = null;
    }
  }
}
