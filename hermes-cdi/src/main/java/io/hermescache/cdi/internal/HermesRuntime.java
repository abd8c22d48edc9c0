package io.hermescache.cdi.internal;

import io.hermescache.Hermes;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.plan.InterceptedBeans;
import io.hermescache.internal.plan.InvalidationPlan;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's one Hermes engine, configured from MicroProfile Config and closed at shutdown, and
 * the per-method state the interceptors use with it. {@code @Inject Hermes} is this same engine, so
 * {@code hermes.invalidate(() -> bean.method(...))} reaches the interceptors' entries. Not part of the API.
 */
@ApplicationScoped
public class HermesRuntime {

  @Inject
  MethodPlans plans;

  private HermesEngine engine;
  private InterceptedBeans<CachedMethod> beans;

  /**
   * A builder configured by the {@code hermes.*} keys of {@code config}, using the server's executor where
   * there is one; what it builds connects to nothing yet.
   */
  public static Hermes.Builder configured(Config config) {
    Hermes.Builder builder = Hermes.builder().configure(key -> config.getOptionalValue(key, String.class));
    containerExecutor().ifPresent(builder::executor);
    return builder;
  }

  @PostConstruct
  void start() {
    engine = (HermesEngine) configured(ConfigProvider.getConfig()).build();
    beans = new InterceptedBeans<>(plans.instances(), plan -> new CachedMethod(engine, plan),
        MethodPlans::beanClassOfUnknown);
    plans.planned().forEach(beans::add);
  }

  /**
   * The Jakarta EE server's default managed executor, where there is one: asynchronous calls then use
   * the server's threads (with its context propagation) rather than Hermes' own.
   */
  private static Optional<Executor> containerExecutor() {
    try {
      Object executor = new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
      return executor instanceof Executor ? Optional.of((Executor) executor) : Optional.empty();
    } catch (NamingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @PreDestroy
  void close() {
    engine.close();
  }

  @Produces
  @ApplicationScoped
  Hermes hermes() {
    return engine;
  }

  /** The engine-bound plan of a {@code @HermesCached} call. */
  CachedMethod cached(InvocationContext call) {
    return beans.cached(call.getTarget().getClass(), call.getMethod(), new ContainerBindings(call));
  }

  /** The plan of a {@code @HermesInvalidate} call. */
  InvalidationPlan invalidation(InvocationContext call) {
    return beans.invalidation(call.getTarget().getClass(), call.getMethod(), new ContainerBindings(call));
  }

  HermesEngine engine() {
    return engine;
  }
}
