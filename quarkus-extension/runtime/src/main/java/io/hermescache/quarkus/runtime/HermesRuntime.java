package io.hermescache.quarkus.runtime;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.CachedMethodPlan;
import io.hermescache.internal.plan.Instances;
import io.hermescache.internal.plan.InvalidationPlan;
import io.quarkus.arc.Subclass;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /** The planned methods by bean class: the classes the build validated; written once, at startup. */
  private final Map<Class<?>, BeanMethods> byBeanClass = new ConcurrentHashMap<>();

  /** Intercepted methods by the class of the intercepted instance (ArC's subclass): one lookup per call. */
  private final ClassValue<BeanMethods> byInstanceClass = new ClassValue<>() {
    @Override
    protected BeanMethods computeValue(Class<?> instanceClass) {
      for (Class<?> type = instanceClass; type != null; type = type.getSuperclass()) {
        BeanMethods planned = byBeanClass.get(type);
        if (planned != null) {
          return planned;
        }
      }
      // a bean the build never saw (a synthetic one, say): planned on first call, validated then
      return new BeanMethods(Subclass.class.isAssignableFrom(instanceClass) ? instanceClass.getSuperclass() : instanceClass,
          null);
    }
  };

  /** Plans the annotated methods of the named bean classes, all validated at build time. */
  void plan(List<String> beanClasses) {
    Instances instances = new ArcInstances();
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
      byBeanClass.put(beanClass, new BeanMethods(beanClass, plans));
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
    BeanMethods methods = byInstanceClass.get(call.getTarget().getClass());
    CachedMethod cached = methods.cached.get(call.getMethod());
    return cached != null ? cached : methods.cached.computeIfAbsent(call.getMethod(), method -> new CachedMethod(engine,
        CachedMethodPlan.of(methods.beanClass, method, binding(methods.beanClass, call, HermesCached.class), new ArcInstances())));
  }

  /** The plan of a {@link HermesInvalidate} call. */
  InvalidationPlan invalidation(InvocationContext call) {
    BeanMethods methods = byInstanceClass.get(call.getTarget().getClass());
    InvalidationPlan plan = methods.invalidations.get(call.getMethod());
    return plan != null ? plan : methods.invalidations.computeIfAbsent(call.getMethod(), method ->
        InvalidationPlan.of(methods.beanClass, method, binding(methods.beanClass, call, HermesInvalidate.class)));
  }

  private static <A extends Annotation> A binding(Class<?> beanClass, InvocationContext call, Class<A> type) {
    A declared = BeanPlans.annotation(beanClass, call.getMethod(), type);
    // an annotation transformer may have added the binding at build time only; the container knows it
    return declared != null ? declared : call.getInterceptorBinding(type);
  }

  /** The plans of one bean class, those made at startup and those made on a first call. */
  private final class BeanMethods {

    final Class<?> beanClass;
    final Map<Method, CachedMethod> cached = new ConcurrentHashMap<>();
    final Map<Method, InvalidationPlan> invalidations = new ConcurrentHashMap<>();

    BeanMethods(Class<?> beanClass, BeanPlans plans) {
      this.beanClass = beanClass;
      if (plans != null) {
        plans.cached().forEach((method, plan) -> cached.put(method, new CachedMethod(engine, plan)));
        invalidations.putAll(plans.invalidations());
      }
    }
  }
}
