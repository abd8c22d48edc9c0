package io.hermescache.quarkus.deployment.devservices;

import io.hermescache.quarkus.runtime.HermesBuildTimeConfig;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesComposeProjectBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DevServicesSharedNetworkBuildItem;
import io.quarkus.deployment.builditem.DockerStatusBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.Startable;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.devservices.common.ContainerAddress;
import io.quarkus.devservices.common.ContainerLocator;
import io.quarkus.devservices.common.StartableContainer;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for Hermes, in dev and test mode only: {@code hermes.backend=redis} without
 * {@code hermes.redis.uri} (or {@code memcached} without {@code hermes.memcached.servers}) gets a server,
 * in this order: the Redis quarkus-redis-client's Dev Services start; a container, shared the Quarkus way,
 * when a Docker engine answers; the {@code redis-server} / {@code memcached} binary on the {@code PATH};
 * else one line saying what to set. Quarkus' Dev Services registry starts the server before the
 * application and stops it with the application.
 */
@BuildSteps(onlyIf = IsDevServicesSupportedByLaunchMode.class)
class HermesDevServicesProcessor {

  /** The feature HermesProcessor declares. */
  static final String FEATURE = "hermes";
  /** What quarkus-redis-client's Dev Services set for its default client. */
  static final String REDIS_CLIENT_HOSTS = "quarkus.redis.hosts";

  private static final Logger LOG = Logger.getLogger(HermesDevServicesProcessor.class);

  @BuildStep
  void devServices(HermesBuildTimeConfig config, DevServicesConfig devServicesConfig, LaunchModeBuildItem launchMode,
      DockerStatusBuildItem docker, DevServicesComposeProjectBuildItem compose,
      List<DevServicesSharedNetworkBuildItem> sharedNetwork, BuildProducer<DevServicesResultBuildItem> results) {
    Optional<DevServer> wanted = DevServer.forBackend(configuredBackend())
        .filter(server -> server.addressKeys().stream().noneMatch(ConfigUtils::isPropertyNonEmpty));
    if (wanted.isEmpty()) {
      return;
    }
    DevServer server = wanted.get();
    if (!config.devservices().enabled() || !devServicesConfig.enabled()) {
      LOG.warn(server.unsetMessage("Dev Services are off"));
      return;
    }
    Supplier<Startable> own;
    String identity;
    if (docker.isContainerRuntimeAvailable()) {
      Optional<ContainerAddress> shared = ContainerLocator.locateContainerWithLabels(server.port(), ServerContainer.SHARED_LABEL)
          .locateContainer(server.backend(), true, launchMode.getLaunchMode());
      if (shared.isPresent()) {
        results.produce(DevServicesResultBuildItem.discovered().feature(FEATURE).containerId(shared.get().getId())
            .config(Map.of(server.key(), server.setting(shared.get().getUrl()))).build());
        return;
      }
      boolean onSharedNetwork = DevServicesSharedNetworkBuildItem.isSharedNetworkRequired(devServicesConfig, sharedNetwork);
      own = () -> new StartableContainer<>(new ServerContainer(server, compose.getDefaultNetworkId(), onSharedNetwork,
          launchMode.getLaunchMode()), ServerContainer::hostAndPort);
      identity = server.image();
    } else {
      Optional<Path> executable = server.findExecutable(System.getenv("PATH"));
      if (executable.isEmpty()) {
        LOG.warn(server.unsetMessage("no Docker engine answers nor is " + server.executable() + " on the PATH to start one"));
        return;
      }
      own = () -> new LocalServer(server, executable.get());
      identity = executable.get().toString();
    }
    results.produce(ownedService(server, own, identity));
  }

  private static DevServicesResultBuildItem ownedService(DevServer server, Supplier<Startable> own, String identity) {
    DevServicesResultBuildItem.OwnedServiceBuilder<HermesDevServer> service = DevServicesResultBuildItem.owned()
        .feature(FEATURE)
        .serviceName(server.backend())
        .serviceConfig(identity)
        .startable(() -> new HermesDevServer(server, own))
        .configProvider(Map.of(server.key(), HermesDevServer::setting))
        .postStartHook(HermesDevServer::logStarted);
    if (server == DevServer.REDIS) {
      // optional: without quarkus-redis-client (or without its Dev Services), Hermes starts its own Redis
      service.dependsOnConfig(REDIS_CLIENT_HOSTS, HermesDevServer::useAnnounced, true);
    }
    return service.build();
  }

  /** A run-time key, read while building for dev or test mode, as Quarkus' own Dev Services read theirs. */
  private static String configuredBackend() {
    return ConfigProvider.getConfig().getOptionalValue("hermes.backend", String.class).map(String::trim).orElse("");
  }
}
