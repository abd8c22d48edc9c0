package io.hermescache.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides a real Redis server to tests, as the URI of a {@link RedisUri} parameter:
 * <ol>
 *   <li>the server named by the environment variable {@code HERMES_REDIS_URI}, if set;</li>
 *   <li>else a local {@code redis-server} started on a free loopback port, once for the whole test run,
 *       shared by every test class, and stopped when the run ends;</li>
 *   <li>else, when Testcontainers is on the test class path and a Docker engine answers, a {@code redis}
 *       container, shared the same way;</li>
 *   <li>else the test fails with a message saying how to provide one.</li>
 * </ol>
 * The server may be shared (with other tests, or with other users under {@code HERMES_REDIS_URI}): tests
 * keep to keys of their own, e.g. a random prefix, and never flush it.
 *
 * <p>A {@link RedisClusterNodes} parameter gets a Redis Cluster of three masters ({@link LocalRedisCluster}),
 * one for every test of a class: started for the first, stopped when the class is done.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class MyTest {
 *   @Test void reads(@RedisUri String uri) { ... }
 * }
 * }</pre>
 */
public final class RedisServerExtension implements ParameterResolver {

  /** The variable that names an existing server instead of starting one. */
  public static final String URI_VARIABLE = "HERMES_REDIS_URI";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);

  private static final int CLUSTER_MASTERS = 3;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(RedisUri.class) || parameter.isAnnotated(RedisClusterNodes.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(RedisClusterNodes.class)) {
      return clusterOfTheClass(context).nodes();
    }
    if (parameter.getParameter().getType() != String.class) {
      throw new ParameterResolutionException("@RedisUri goes on a String parameter, not on " + parameter.getParameter());
    }
    Optional<String> configured = Optional.ofNullable(System.getenv(URI_VARIABLE)).filter(uri -> !uri.isBlank());
    if (configured.isPresent()) {
      return configured.get();
    }
    if (LocalServer.find("redis-server").isPresent()) {
      return sharedServer(context).uri();
    }
    if (DockerEngine.available()) {
      return context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(Containers.Running.class, key -> Containers.redis(), Containers.Running.class).address();
    }
    throw new ParameterResolutionException(LocalRedis.MISSING_SERVER);
  }

  /** One server for the run: kept in the root store, which closes it (stopping the process) when the run ends. */
  private static LocalRedis sharedServer(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalRedis.class, type -> LocalRedis.start(), LocalRedis.class);
  }

  /** One cluster for the test class: kept in its store, which closes it (stopping the nodes) when the class is done. */
  private static LocalRedisCluster clusterOfTheClass(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().orElseThrow();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(LocalRedisCluster.class,
        type -> LocalRedisCluster.start(CLUSTER_MASTERS), LocalRedisCluster.class);
  }
}
