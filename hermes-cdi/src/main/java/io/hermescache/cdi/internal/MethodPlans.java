package io.hermescache.cdi.internal;

import io.hermescache.HermesConfigurationException;
import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.Instances;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of every annotated method of every bean, made and validated while the container deploys;
 * what the interceptors start from. Not part of the API.
 */
public final class MethodPlans {

  private final Instances instances;
  private final List<BeanPlans> planned = new ArrayList<>();
  private final List<HermesConfigurationException> problems = new ArrayList<>();

  public MethodPlans(BeanManager beans) {
    this.instances = new BeanInstances(beans);
  }

  /** Plans the annotated methods of {@code beanClass}; problems are kept for {@link #problems()}. */
  public void add(Class<?> beanClass) {
    BeanPlans plans = BeanPlans.of(beanClass, instances);
    problems.addAll(plans.problems());
    if (!plans.cached().isEmpty() || !plans.invalidations().isEmpty()) {
      planned.add(plans);
    }
  }

  /** What is wrong with the methods added so far, one exception per method. */
  public List<HermesConfigurationException> problems() {
    return problems;
  }

  List<BeanPlans> planned() {
    return planned;
  }

  Instances instances() {
    return instances;
  }

  /**
   * The bean class behind the class of an instance of a bean this extension never saw (added by another
   * extension, say): Weld names its proxy and interception subclasses {@code X$$...}.
   */
  static Class<?> beanClassOfUnknown(Class<?> instanceClass) {
    Class<?> type = instanceClass;
    while (type.getName().contains("$$") && type.getSuperclass() != Object.class) {
      type = type.getSuperclass();
    }
    return type;
  }
}
