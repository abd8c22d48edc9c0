package io.hermescache.cdi.internal;

import io.hermescache.Hermes;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.plan.InvalidationPlan;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Intercepted methods by the class of the intercepted instance: one lookup per call, no reflection. */
  private final ClassValue<BeanMethods> byInstanceClass = new ClassValue<>() {
    @Override
    protected BeanMethods computeValue(Class<?> instanceClass) {
      return new BeanMethods(plans.beanClassOf(instanceClass));
    }
  };

  /** A Hermes engine configured by the {@code hermes.*} keys of {@code config}; it connects to nothing yet. */
  public static HermesEngine build(Config config) {
    return (HermesEngine) Hermes.builder().configure(key -> config.getOptionalValue(key, String.class)).build();
  }

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    Hermes.Builder builder = Hermes.builder().configure(key -> config.getOptionalValue(key, String.class));
    containerExecutor().ifPresent(builder::executor);
    engine = (HermesEngine) builder.build();
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
    BeanMethods methods = byInstanceClass.get(call.getTarget().getClass());
    CachedMethod cached = methods.cached.get(call.getMethod());
    return cached != null ? cached : methods.cached.computeIfAbsent(call.getMethod(),
        method -> new CachedMethod(engine, plans.cached(methods.beanClass, call)));
  }

  /** The plan of a {@code @HermesInvalidate} call. */
  InvalidationPlan invalidation(InvocationContext call) {
    BeanMethods methods = byInstanceClass.get(call.getTarget().getClass());
    InvalidationPlan plan = methods.invalidations.get(call.getMethod());
    return plan != null ? plan : methods.invalidations.computeIfAbsent(call.getMethod(),
        method -> plans.invalidation(methods.beanClass, call));
  }

  HermesEngine engine() {
    return engine;
  }

  private static final class BeanMethods {

    final Class<?> beanClass;
    final Map<Method, CachedMethod> cached = new ConcurrentHashMap<>();
    final Map<Method, InvalidationPlan> invalidations = new ConcurrentHashMap<>();

    BeanMethods(Class<?> beanClass) {
      this.beanClass = beanClass;
    }
  }
}
