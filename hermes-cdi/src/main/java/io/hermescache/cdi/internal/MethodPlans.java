package io.hermescache.cdi.internal;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.CachedMethodPlan;
import io.hermescache.internal.plan.Instances;
import io.hermescache.internal.plan.InvalidationPlan;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans of every annotated method of every bean, made and validated while the container deploys;
 * the interceptors' source of truth. Not part of the API.
 */
public final class MethodPlans {

  private final Instances instances;
  private final Map<Class<?>, BeanPlans> byBeanClass = new HashMap<>();
  private final List<HermesConfigurationException> problems = new ArrayList<>();

  public MethodPlans(BeanManager beans) {
    this.instances = new BeanInstances(beans);
  }

  /** Plans the annotated methods of {@code beanClass}; problems are kept for {@link #problems()}. */
  public void add(Class<?> beanClass) {
    BeanPlans plans = BeanPlans.of(beanClass, instances);
    problems.addAll(plans.problems());
    if (!plans.cached().isEmpty() || !plans.invalidations().isEmpty()) {
      byBeanClass.put(beanClass, plans);
    }
  }

  /** What is wrong with the methods added so far, one exception per method. */
  public List<HermesConfigurationException> problems() {
    return problems;
  }

  /**
   * The bean class behind an intercepted instance's class: the class itself, or the nearest superclass
   * planned at deployment (containers intercept through generated subclasses).
   */
  Class<?> beanClassOf(Class<?> instanceClass) {
    for (Class<?> type = instanceClass; type != null; type = type.getSuperclass()) {
      if (byBeanClass.containsKey(type)) {
        return type;
      }
    }
    // a bean this extension never saw (added by another extension, say); Weld names its subclasses X$$...
    Class<?> type = instanceClass;
    while (type.getName().contains("$$") && type.getSuperclass() != Object.class) {
      type = type.getSuperclass();
    }
    return type;
  }

  /** The plan of a {@link HermesCached} call; made now, and validated, if deployment did not see the method. */
  CachedMethodPlan cached(Class<?> beanClass, InvocationContext call) {
    BeanPlans planned = byBeanClass.get(beanClass);
    CachedMethodPlan plan = planned == null ? null : planned.cached().get(call.getMethod());
    return plan != null ? plan
        : CachedMethodPlan.of(beanClass, call.getMethod(), binding(beanClass, call, HermesCached.class), instances);
  }

  /** The plan of a {@link HermesInvalidate} call; made now, and validated, if deployment did not see the method. */
  InvalidationPlan invalidation(Class<?> beanClass, InvocationContext call) {
    BeanPlans planned = byBeanClass.get(beanClass);
    InvalidationPlan plan = planned == null ? null : planned.invalidations().get(call.getMethod());
    return plan != null ? plan
        : InvalidationPlan.of(beanClass, call.getMethod(), binding(beanClass, call, HermesInvalidate.class));
  }

  private static <A extends Annotation> A binding(Class<?> beanClass, InvocationContext call, Class<A> type) {
    A declared = BeanPlans.annotation(beanClass, call.getMethod(), type);
    // an extension may have added the binding to the annotated type only; the container knows it
    return declared != null ? declared : call.getInterceptorBinding(type);
  }
}
