package io.hermescache.quarkus.runtime;

import io.hermescache.cdi.interceptors.PlannedBeans;
import io.hermescache.internal.plan.BeanPlans;
import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The plans of the bean classes the build validated, made when the application starts
 * ({@link HermesRecorder#start}). Not part of the API.
 */
@Singleton
public class QuarkusPlannedBeans extends PlannedBeans {

  public QuarkusPlannedBeans() {
    super(Arc.container().beanManager());
  }

  /** Plans the annotated methods of the named bean classes, all validated at build time. */
  void plan(List<String> beanClasses) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (String name : beanClasses) {
      Class<?> beanClass;
      try {
        beanClass = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Bean class " + name + " found at build time is missing at run time", e);
      }
      BeanPlans plans = plan(beanClass);
      if (!plans.problems().isEmpty()) {
        // validated at build time; only a keyGenerator or ttlPolicy that cannot be had now gets here
        throw plans.problems().get(0);
      }
    }
  }
}
