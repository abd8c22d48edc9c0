package io.hermescache.health;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.internal.KeyLayout;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code hermes}: whether the cache backend answers, found by one cheap read of the
 * namespace key ({@code {prefix}:namespace}) straight from the backend. Its data say {@code backend} (the
 * backend in use), {@code reachable}, {@code error} (why not; never credentials) and {@code errors} (backend
 * failures counted so far).
 *
 * <p><b>Does a cache that is down make the application not ready?</b> With {@code hermes.backend-failure =
 * bypass} (the default) the application answers without its cache, only slower, so taking it out of the load
 * balancer would turn a slow service into no service: the check then reports the backend's state in its data
 * but stays {@code UP}. With {@code propagate}, calls fail while the cache is down, so the check is {@code DOWN}
 * then. {@code hermes.health.readiness = true|false} overrides that choice: {@code true} makes readiness follow
 * the backend whatever the failure mode, {@code false} never lets the cache make the application unready.
 *
 * <p>Under CDI it is discovered with this jar and reads {@code hermes.prefix}, {@code hermes.backend-failure} and
 * {@code hermes.health.readiness} from MicroProfile Config; a bad value fails deployment naming key and value.
 * Without CDI, construct it with {@link #HermesReadinessCheck(Hermes, String, boolean)}.
 */
@Readiness
@Dependent
public class HermesReadinessCheck implements HealthCheck {

  /** Whether the backend's state decides readiness; default: {@code true} iff {@code hermes.backend-failure = propagate}. */
  public static final String READINESS_KEY = "hermes.health.readiness";

  private final Hermes hermes;
  private final String namespaceKey;
  private final boolean decidesReadiness;

  /**
   * A check of {@code hermes}'s backend.
   *
   * @param prefix the instance's {@code hermes.prefix}, whose namespace key is read
   * @param decidesReadiness whether an unreachable backend makes the check {@code DOWN}
   */
  public HermesReadinessCheck(Hermes hermes, String prefix, boolean decidesReadiness) {
    this.hermes = Objects.requireNonNull(hermes, "hermes");
    this.namespaceKey = KeyLayout.of(Objects.requireNonNull(prefix, "prefix")).namespaceKey();
    this.decidesReadiness = decidesReadiness;
  }

  /** Under CDI: configured from MicroProfile Config, as the {@code Hermes} it checks. */
  @Inject
  HermesReadinessCheck(Hermes hermes) {
    this(hermes, settings(ConfigProvider.getConfig()));
  }

  private HermesReadinessCheck(Hermes hermes, Settings settings) {
    this(hermes, settings.get("hermes.prefix", "cache").trim(), decidesReadiness(settings));
  }

  private static Settings settings(Config config) {
    return key -> config.getOptionalValue(key, String.class);
  }

  /** {@link #READINESS_KEY} if set, else whether failures propagate. */
  static boolean decidesReadiness(Settings settings) {
    String failure = settings.get("hermes.backend-failure", "bypass").trim().toUpperCase(Locale.ROOT);
    boolean propagates;
    try {
      propagates = BackendFailure.valueOf(failure) == BackendFailure.PROPAGATE;
    } catch (IllegalArgumentException e) {
      throw HermesConfigurationException.badValue("hermes.backend-failure", failure, "must be bypass or propagate");
    }
    return settings.getBoolean(READINESS_KEY, propagates);
  }

  /** Reads the namespace key once; {@code UP} if it answered, or if the backend does not decide readiness. */
  @Override
  public HealthCheckResponse call() {
    Backend backend = hermes.backend();
    Map<String, Object> data = new LinkedHashMap<>();
    if (backend == null) {
      data.put("backend", "none (caching off)");
      return new HealthCheckResponse("hermes", HealthCheckResponse.Status.UP, Optional.of(data));
    }
    data.put("backend", backend.toString());
    boolean reachable;
    try {
      backend.getAll(List.of(namespaceKey));
      reachable = true;
    } catch (RuntimeException e) {
      reachable = false;
      data.put("error", e.toString());
    }
    data.put("reachable", reachable);
    data.put("errors", hermes.stats().total().errors());
    boolean up = reachable || !decidesReadiness;
    return new HealthCheckResponse("hermes", up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }
}
