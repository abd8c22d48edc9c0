package io.hermescache.quarkus.runtime;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.InterceptedBeans;
import io.hermescache.internal.plan.InvalidationPlan;
import io.quarkus.arc.Subclass;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's one Hermes engine, and the plans of the annotated methods the interceptors serve
 * with it. {@code @Inject Hermes} is this same engine, so {@code hermes.invalidate(() -> bean.m(x))}
 * reaches the interceptors' entries. Not part of the API.
 *
 * <p>Created while the application starts ({@link HermesRecorder#start}), so that a bad {@code hermes.*}
 * value (an unknown backend, a negative TTL) stops it with a message naming the key and the value.
 */
@Singleton
public class HermesRuntime {

  private final HermesEngine engine = build(ConfigProvider.getConfig());

  /** The plans of the bean classes validated at build time, and of any other on its first call. */
  private final InterceptedBeans<CachedMethod> beans = new InterceptedBeans<>(new ArcInstances(),
      plan -> new CachedMethod(engine, plan),
      // a bean the build never saw (a synthetic one, say): ArC's subclasses say so
      instanceClass -> Subclass.class.isAssignableFrom(instanceClass) ? instanceClass.getSuperclass() : instanceClass);

  /** Plans the annotated methods of the named bean classes, all validated at build time. */
  void plan(List<String> beanClasses) {
    ArcInstances instances = new ArcInstances();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (String name : beanClasses) {
      Class<?> beanClass;
      try {
        beanClass = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Bean class " + name + " found at build time is missing at run time", e);
      }
      BeanPlans plans = BeanPlans.of(beanClass, instances);
      if (!plans.problems().isEmpty()) {
        // validated at build time; only a keyGenerator or ttlPolicy that cannot be had now gets here
        throw plans.problems().get(0);
      }
      beans.add(plans);
    }
  }

  /**
   * A Hermes engine configured by the {@code hermes.*} keys of {@code config}, validated by the core with
   * its own messages; asynchronous work runs on Quarkus' worker pool. It connects to nothing yet.
   *
   * @throws HermesConfigurationException naming the key and the bad value
   */
  static HermesEngine build(Config config) {
    return (HermesEngine) Hermes.builder()
        .configure(key -> config.getOptionalValue(key, String.class))
        .executor(Infrastructure.getDefaultWorkerPool())
        .build();
  }

  @PreDestroy
  void close() {
    engine.close();
  }

  /** The engine the interceptors use, for injection as {@code Hermes}. */
  @Produces
  @Singleton
  Hermes hermes() {
    return engine;
  }

  HermesEngine engine() {
    return engine;
  }

  /** The engine-bound plan of a {@link HermesCached} call. */
  CachedMethod cached(InvocationContext call) {
    return beans.cached(call.getTarget().getClass(), call.getMethod(), call::getInterceptorBinding);
  }

  /** The plan of a {@link HermesInvalidate} call. */
  InvalidationPlan invalidation(InvocationContext call) {
    return beans.invalidation(call.getTarget().getClass(), call.getMethod(), call::getInterceptorBinding);
  }
}
