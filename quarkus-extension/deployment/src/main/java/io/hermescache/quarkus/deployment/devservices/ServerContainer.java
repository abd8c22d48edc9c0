package io.hermescache.quarkus.deployment.devservices;

import io.quarkus.devservices.common.ConfigureUtil;
import io.quarkus.runtime.LaunchMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis or memcached container, on Quarkus' shared Dev Services network when another container (the
 * application's own, in {@code quarkus:dev} with a shared network) must reach it. Needs a Docker engine.
 */
final class ServerContainer extends GenericContainer<ServerContainer> {

  /** Marks a container another Quarkus application in dev mode may find and share. */
  static final String SHARED_LABEL = "quarkus-dev-service-hermes";

  private final DevServer server;
  private final boolean sharedNetwork;
  private final String networkHost;

  ServerContainer(DevServer server, String networkId, boolean sharedNetwork, LaunchMode launchMode) {
    super(DockerImageName.parse(server.image()));
    this.server = server;
    this.sharedNetwork = sharedNetwork;
    this.networkHost = ConfigureUtil.configureNetwork(this, networkId, sharedNetwork, "hermes-" + server.backend());
    if (!sharedNetwork) {
      addExposedPort(server.port());
    }
    if (!server.containerCommand().isEmpty()) {
      setCommand(server.containerCommand().toArray(String[]::new));
    }
    ConfigureUtil.configureSharedServiceLabel(this, launchMode, SHARED_LABEL, server.backend());
  }

  /** Where the application reaches the server. */
  String hostAndPort() {
    return sharedNetwork ? networkHost + ":" + server.port() : getHost() + ":" + getMappedPort(server.port());
  }
}
