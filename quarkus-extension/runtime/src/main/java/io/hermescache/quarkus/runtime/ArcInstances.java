package io.hermescache.quarkus.runtime;

import io.hermescache.internal.plan.Instances;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import java.util.function.Supplier;

/**
 * {@code keyGenerator} and {@code ttlPolicy} instances: the ArC bean of the class if there is one (so it
 * can inject what it needs), else an instance made with its public no-argument constructor. The build
 * keeps such beans from being removed as unused.
 */
final class ArcInstances implements Instances {

  @Override
  public <T> Supplier<T> of(Class<T> type) {
    InjectableInstance<T> beans = Arc.container().select(type);
    if (beans.isAmbiguous()) {
      throw new IllegalArgumentException("more than one CDI bean has this type");
    }
    if (beans.isUnsatisfied()) {
      T instance = Instances.construct(type);
      return () -> instance;
    }
    // fetched on first use: a @Dependent bean is then made once, a normal-scoped one is its client proxy
    return new Supplier<>() {
      private volatile T instance;

      @Override
      public T get() {
        T current = instance;
        if (current == null) {
          current = beans.get();
          instance = current;
        }
        return current;
      }
    };
  }
}
