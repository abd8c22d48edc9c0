package io.hermescache.internal.plan;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The plans the interceptors of one container use, found per call by the class of the intercepted
 * instance (a proxy or generated subclass) and the method: a {@link ClassValue} read and a scan of the
 * method instances seen before, no reflection. Beans validated at deployment are {@link #add added}; a method the deployment did not see
 * (a bean added by another extension, say) is planned, and so validated, on its first call. Shared by the
 * CDI and Quarkus integrations.
 *
 * @param <C> the integration's form of a cached method, bound to its engine
 */
public final class InterceptedBeans<C> {

  /**
   * The interceptor bindings the container resolved for one call ({@code InvocationContext::getInterceptorBinding}),
   * asked only for a method that was not planned at deployment; {@code null} where the container cannot tell.
   */
  @FunctionalInterface
  public interface Bindings {
    <A extends Annotation> A get(Class<A> type);
  }

  private final Instances instances;
  private final Function<CachedMethodPlan, C> bind;
  private final UnaryOperator<Class<?>> beanClassOfUnknown;
  private final Map<Class<?>, Methods> byBeanClass = new ConcurrentHashMap<>();
  private final ClassValue<Methods> byInstanceClass = new ClassValue<>() {
    @Override
    protected Methods computeValue(Class<?> instanceClass) {
      for (Class<?> type = instanceClass; type != null; type = type.getSuperclass()) {
        Methods planned = byBeanClass.get(type);
        if (planned != null) {
          return planned;
        }
      }
      return new Methods(beanClassOfUnknown.apply(instanceClass));
    }
  };

  /**
   * @param instances where {@code keyGenerator} and {@code ttlPolicy} instances come from
   * @param bind binds a plan to the engine
   * @param beanClassOfUnknown the bean class behind an instance class of a bean never {@link #add added}
   *     (the container's subclass naming or marker interface tells)
   */
  public InterceptedBeans(Instances instances, Function<CachedMethodPlan, C> bind,
      UnaryOperator<Class<?>> beanClassOfUnknown) {
    this.instances = instances;
    this.bind = bind;
    this.beanClassOfUnknown = beanClassOfUnknown;
  }

  /** Adds the plans of a bean class made, and validated, at deployment. Call before the first interception. */
  public void add(BeanPlans plans) {
    Methods methods = new Methods(plans.beanClass());
    plans.cached().forEach((method, plan) -> methods.cached.put(method, bind.apply(plan)));
    methods.invalidations.putAll(plans.invalidations());
    byBeanClass.put(plans.beanClass(), methods);
  }

  /**
   * The cached method called on an instance of {@code instanceClass}, or {@code null} when a class-level
   * annotation does not cover it (a setter, a {@code void} method): the interceptor then just proceeds.
   */
  public C cached(Class<?> instanceClass, Method method, Bindings bindings) {
    Methods methods = byInstanceClass.get(instanceClass);
    C cached = methods.seen(method);
    if (cached != null) {
      return cached;
    }
    cached = methods.cached.get(method);
    if (cached != null) {
      methods.see(method, cached);
      return cached;
    }
    if (!method.isAnnotationPresent(HermesCached.class) && !BeanPlans.coveredByClass(method, HermesCached.class)) {
      return null;
    }
    return methods.cached.computeIfAbsent(method, m -> bind.apply(
        CachedMethodPlan.of(methods.beanClass, m, binding(methods.beanClass, m, bindings, HermesCached.class), instances)));
  }

  /** The invalidation plan of the method called on an instance of {@code instanceClass}. */
  public InvalidationPlan invalidation(Class<?> instanceClass, Method method, Bindings bindings) {
    Methods methods = byInstanceClass.get(instanceClass);
    InvalidationPlan plan = methods.invalidations.get(method);
    return plan != null ? plan : methods.invalidations.computeIfAbsent(method, m ->
        InvalidationPlan.of(methods.beanClass, m, binding(methods.beanClass, m, bindings, HermesInvalidate.class)));
  }

  private static <A extends Annotation> A binding(Class<?> beanClass, Method method, Bindings bindings, Class<A> type) {
    A declared = BeanPlans.annotation(beanClass, method, type);
    // an extension may have added the binding to the annotated type only; the container knows it
    A binding = declared != null ? declared : bindings.get(type);
    if (binding == null) {
      throw new IllegalStateException(method + " of " + beanClass.getName() + " is intercepted for @"
          + type.getSimpleName() + ", but neither the class nor the container shows that annotation");
    }
    return binding;
  }

  /** The plans of one bean class: those made at deployment and those made on a first call. */
  private final class Methods {
    /** How many method instances {@link #seen} remembers: a bean's cached methods, as a rule. */
    private static final int SEEN_LIMIT = 16;

    final Class<?> beanClass;
    final Map<Method, C> cached = new ConcurrentHashMap<>();
    final Map<Method, InvalidationPlan> invalidations = new ConcurrentHashMap<>();
    /**
     * Pairs of a {@link Method} instance the container passed and its plan, copied on write. A container
     * passes the same instance on every call, which is found here by identity: {@code Method.equals}
     * compares parameter types, a tenth of an in-memory hit.
     */
    private volatile Object[] seen = new Object[0];

    Methods(Class<?> beanClass) {
      this.beanClass = beanClass;
    }

    @SuppressWarnings("unchecked")
    C seen(Method method) {
      Object[] pairs = seen;
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] == method) {
          return (C) pairs[i + 1];
        }
      }
      return null;
    }

    /** Remembers {@code method}'s instance, up to {@link #SEEN_LIMIT} of them; a lost race only costs a lookup. */
    void see(Method method, C plan) {
      Object[] pairs = seen;
      if (pairs.length < 2 * SEEN_LIMIT) {
        Object[] grown = Arrays.copyOf(pairs, pairs.length + 2);
        grown[pairs.length] = method;
        grown[pairs.length + 1] = plan;
        seen = grown;
      }
    }
  }
}
