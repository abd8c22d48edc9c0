package io.hermescache.test;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides real memcached servers to tests, as the {@code host:port,...} of a {@link MemcachedServers}
 * parameter:
 * <ol>
 *   <li>the servers named by the environment variable {@value #SERVERS_ENV} ({@code host:port,...});</li>
 *   <li>else a local {@code memcached} binary started on a free loopback port, shared by every test of the
 *       run and stopped when the run ends;</li>
 *   <li>else, when Testcontainers is on the test class path and a Docker engine answers, a {@code memcached}
 *       container, shared the same way;</li>
 *   <li>else the test fails, saying how to provide a server.</li>
 * </ol>
 * The servers may be shared: tests keep to keys of their own, e.g. a random prefix, and never flush them.
 * Tests that stop and start servers take their own with {@link #startDedicated()}.
 *
 * <pre>{@code
 * @ExtendWith(MemcachedServerExtension.class)
 * class MyTest {
 *   @Test void reads(@MemcachedServers String servers) { ... }
 * }
 * }</pre>
 */
public final class MemcachedServerExtension implements ParameterResolver {

  /** Names servers to use instead of a local binary, as {@code hermes.memcached.servers} wants them. */
  public static final String SERVERS_ENV = "HERMES_MEMCACHED_SERVERS";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MemcachedServerExtension.class);
  private static final String INSTALL = "install memcached (Debian/Ubuntu: apt-get install memcached;"
      + " macOS: brew install memcached) so that tests can start it";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(MemcachedServers.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() != String.class) {
      throw new ParameterResolutionException("@MemcachedServers goes on a String parameter, not on " + parameter.getParameter());
    }
    String configured = System.getenv(SERVERS_ENV);
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    if (binary() == null) {
      if (DockerEngine.available()) {
        return context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(Containers.Running.class, key -> Containers.memcached(), Containers.Running.class).address();
      }
      throw new ParameterResolutionException("No memcached server for " + context.getDisplayName() + ": set "
          + SERVERS_ENV + "=host:port[,host:port...], or " + INSTALL + ", " + DockerEngine.HOW);
    }
    // The root store outlives every test class and closes (AutoCloseable) the server when the run ends.
    LocalServer shared = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalServer.class, type -> startDedicated(), LocalServer.class);
    return shared.host() + ":" + shared.port();
  }

  /**
   * A memcached of its own, from the local binary, on a free loopback port with 64 MB of memory; the caller
   * stops it, e.g. with try-with-resources. Fails if no binary is installed.
   */
  public static LocalServer startDedicated() {
    Path binary = binary();
    if (binary == null) {
      throw new IllegalStateException("This test starts and stops memcached servers of its own and needs the"
          + " memcached binary, which is not installed: " + INSTALL + "; a Docker engine alone is not enough");
    }
    // -u is required when running as root (CI) and ignored otherwise; -U 0 turns UDP off.
    return LocalServer.start(binary, port -> List.of("-p", String.valueOf(port), "-U", "0", "-l", "127.0.0.1",
        "-m", "64", "-u", System.getProperty("user.name")));
  }

  private static Path binary() {
    return LocalServer.find("memcached").orElse(null);
  }
}
