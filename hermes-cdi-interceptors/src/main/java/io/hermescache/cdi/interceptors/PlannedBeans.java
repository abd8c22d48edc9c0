package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.Instances;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of the annotated methods of every bean, made and validated as the container deploys: the seam
 * between the interceptors and how a container finds its beans (hermes-cdi's portable extension while the
 * container deploys; the Quarkus extension from the classes its build validated). Exactly one bean of
 * this type exists. Not part of the API.
 */
public class PlannedBeans {

  private final Instances instances;
  private final List<BeanPlans> planned = new ArrayList<>();

  /** Plans whose {@code keyGenerator} and {@code ttlPolicy} instances are the beans of {@code beans}. */
  public PlannedBeans(BeanManager beans) {
    this.instances = new BeanInstances(beans);
  }

  /**
   * Plans the annotated methods of {@code beanClass}, keeping them if there are any; the caller reports
   * the problems of what it returns.
   */
  public BeanPlans plan(Class<?> beanClass) {
    BeanPlans plans = BeanPlans.of(beanClass, instances);
    if (!plans.cached().isEmpty() || !plans.invalidations().isEmpty()) {
      planned.add(plans);
    }
    return plans;
  }

  /** The plans of every bean class with an annotated method. */
  List<BeanPlans> planned() {
    return planned;
  }

  /** Where {@code keyGenerator} and {@code ttlPolicy} instances of methods planned later come from. */
  Instances instances() {
    return instances;
  }
}
