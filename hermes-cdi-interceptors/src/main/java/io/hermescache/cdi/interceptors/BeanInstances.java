package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.Instances;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code keyGenerator} and {@code ttlPolicy} instances: the CDI bean of the class if there is one (so it
 * can inject what it needs), else an instance made with its public no-argument constructor.
 */
public final class BeanInstances implements Instances {

  private final BeanManager beans;

  public BeanInstances(BeanManager beans) {
    this.beans = beans;
  }

  @Override
  public <T> Supplier<T> of(Class<T> type) {
    Set<Bean<?>> candidates = beans.getBeans(type);
    if (candidates.isEmpty()) {
      T instance = Instances.construct(type);
      return () -> instance;
    }
    Bean<?> bean;
    try {
      bean = beans.resolve(candidates);
    } catch (AmbiguousResolutionException e) {
      bean = null;
    }
    if (bean == null) {
      throw new IllegalArgumentException("more than one CDI bean has this type: " + candidates.stream()
          .map(b -> b.getBeanClass().getName()).sorted().collect(Collectors.joining(", ")));
    }
    // references cannot be had while the container is still being deployed: fetch it on first use
    return new FirstUse<>(type, bean);
  }

  private final class FirstUse<T> implements Supplier<T> {

    private final Class<T> type;
    private final Bean<?> bean;
    private volatile T instance;

    FirstUse(Class<T> type, Bean<?> bean) {
      this.type = type;
      this.bean = bean;
    }

    @Override
    public T get() {
      T current = instance;
      if (current == null) {
        // a benign race: a normal-scoped bean gives the same client proxy every time
        current = type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
        instance = current;
      }
      return current;
    }
  }
}
