package io.hermescache.cdi.interceptors;

import io.hermescache.Hermes;
import io.hermescache.internal.plan.InterceptedBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.Config;

/**
 * The application's one Hermes engine, configured from MicroProfile Config and closed at shutdown, and
 * the per-method state the interceptors use with it. {@code @Inject Hermes} is this same engine, so
 * {@code hermes.invalidate(() -> bean.method(...))} reaches the interceptors' entries. The same in every
 * container; what differs is injected ({@link PlannedBeans}, {@link AsyncExecutor}, {@link InstanceClasses},
 * {@link ConfiguredSettings}).
 * Not part of the API.
 */
@ApplicationScoped
public class HermesRuntime {

  @Inject
  PlannedBeans plans;

  @Inject
  AsyncExecutor executor;

  @Inject
  InstanceClasses instanceClasses;

  @Inject
  ConfiguredSettings settings;

  private Engine engine;
  private InterceptedBeans<CachedMethod> beans;

  /**
   * A builder configured by the {@code hermes.*} keys of {@code config}; what it builds connects to
   * nothing yet, so building one is a complete, cheap check of the configuration.
   */
  public static Hermes.Builder configured(Config config) {
    return Hermes.builder().configure(key -> config.getOptionalValue(key, String.class));
  }

  @PostConstruct
  void start() {
    engine = Engine.configured(settings, executor.executor());
    beans = new InterceptedBeans<>(plans.instances(), plan -> new CachedMethod(engine, plan),
        instanceClasses::beanClassOf);
    plans.planned().forEach(beans::add);
  }

  @PreDestroy
  void close() {
    engine.close();
  }

  /** The engine the interceptors use, for injection as {@code Hermes}. */
  @Produces
  @ApplicationScoped
  public Hermes hermes() {
    return engine.hermes();
  }

  /** The engine-bound plan of a {@code @HermesCached} call. */
  CachedMethod cached(InvocationContext call) {
    return beans.cached(call.getTarget().getClass(), call.getMethod(), new ContainerBindings(call));
  }

  /** What a {@code @HermesInvalidate} call invalidates. */
  Invalidation invalidation(InvocationContext call) {
    return new Invalidation(engine,
        beans.invalidation(call.getTarget().getClass(), call.getMethod(), new ContainerBindings(call)),
        call.getParameters());
  }
}
