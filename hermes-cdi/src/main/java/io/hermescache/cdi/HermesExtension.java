package io.hermescache.cdi;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import io.hermescache.cdi.interceptors.AsyncExecutor;
import io.hermescache.cdi.interceptors.CachedInterceptor;
import io.hermescache.cdi.interceptors.ConfiguredSettings;
import io.hermescache.cdi.interceptors.HermesRuntime;
import io.hermescache.cdi.interceptors.InstanceClasses;
import io.hermescache.cdi.interceptors.InvalidateInterceptor;
import io.hermescache.cdi.interceptors.PlannedBeans;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.util.Nonbinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes {@link HermesCached} and {@link HermesInvalidate} work in a CDI container: registers them as
 * interceptor bindings, adds the interceptors and the {@code Hermes} producer, and validates every
 * annotated method and the configuration at deployment, so that a mistake fails the deployment with a
 * message naming its culprit rather than a call later.
 *
 * <p>Found through {@code META-INF/services}; nothing to do but put {@code hermes-cdi} on the class path.
 */
public final class HermesExtension implements Extension {

  private final List<Class<?>> beanClasses = new ArrayList<>();
  private final Set<Class<?>> missingSharedBeans = new LinkedHashSet<>(List.of(CachedInterceptor.class,
      InvalidateInterceptor.class, HermesRuntime.class, AsyncExecutor.class, InstanceClasses.class,
      ConfiguredSettings.class));
  private PlannedBeans plans;

  void registerBindingsAndBeans(@Observes BeforeBeanDiscovery discovery) {
    // the annotations live in hermes-core, which knows nothing of CDI: make them bindings here, every
    // member non-binding so that one interceptor serves all their values
    discovery.configureInterceptorBinding(HermesCached.class).methods().forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
    discovery.configureInterceptorBinding(HermesInvalidate.class).methods().forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
  }

  void noteDiscoveredSharedBeans(@Observes ProcessAnnotatedType<?> type) {
    if (!(type instanceof ProcessSyntheticAnnotatedType<?>)) {
      missingSharedBeans.remove(type.getAnnotatedType().getJavaClass());
    }
  }

  void addMissingSharedBeans(@Observes AfterTypeDiscovery discovery) {
    // hermes-cdi-interceptors has no beans.xml: Weld SE never scans it, while a server such as Payara
    // scans it as an implicit bean archive; adding only what was not found keeps each bean unique
    for (Class<?> type : missingSharedBeans) {
      discovery.addAnnotatedType(type, HermesExtension.class.getName() + ":" + type.getSimpleName());
      if (type.isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
        enableByPriority(discovery.getInterceptors(), type);
      }
    }
    missingSharedBeans.clear();
  }

  /** The enabled interceptors were listed before {@link AfterTypeDiscovery}: one added then joins them in its place. */
  private static void enableByPriority(List<Class<?>> enabled, Class<?> interceptor) {
    int priority = priority(interceptor);
    int at = 0;
    while (at < enabled.size() && priority(enabled.get(at)) <= priority) {
      at++;
    }
    enabled.add(at, interceptor);
  }

  private static int priority(Class<?> interceptor) {
    Priority priority = interceptor.getAnnotation(Priority.class);
    return priority == null ? Integer.MAX_VALUE : priority.value();
  }

  void collectBeanClasses(@Observes ProcessManagedBean<?> bean) {
    // interceptors carry the bindings themselves; they are not cached methods
    if (!(bean.getBean() instanceof Interceptor<?>)) {
      beanClasses.add(bean.getAnnotatedBeanClass().getJavaClass());
    }
  }

  void planAnnotatedMethods(@Observes AfterBeanDiscovery afterDiscovery, BeanManager beans) {
    // definition errors, reported before the container validates beans, so that a private or final
    // method is explained by Hermes before CDI rejects it in its own words
    plans = new PlannedBeans(beans);
    for (Class<?> beanClass : beanClasses) {
      plans.plan(beanClass).problems().forEach(afterDiscovery::addDefinitionError);
    }
    beanClasses.clear();
    afterDiscovery.addBean().types(PlannedBeans.class).createWith(context -> plans);
  }

  void validateConfiguration(@Observes AfterDeploymentValidation validation) {
    try {
      // building has no side effects (no connection), so a trial build is a cheap, complete check
      HermesRuntime.configured(ConfigProvider.getConfig()).build().close();
    } catch (HermesConfigurationException e) {
      validation.addDeploymentProblem(e);
    }
  }
}
