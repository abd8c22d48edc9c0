package io.hermescache.quarkus.deployment;

import io.hermescache.internal.plan.Instances;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.jandex.DotName;

/**
 * {@code keyGenerator} and {@code ttlPolicy} classes checked as the runtime will look them up (an ArC
 * bean of the class, else its public no-argument constructor), with the same messages, but never
 * created: the build must not run application code. The suppliers are for validation only.
 */
final class BuildTimeInstances implements Instances {

  private final ValidationPhaseBuildItem validation;

  BuildTimeInstances(ValidationPhaseBuildItem validation) {
    this.validation = validation;
  }

  @Override
  public <T> Supplier<T> of(Class<T> type) {
    List<BeanInfo> beans = validation.getContext().beans().withBeanType(DotName.createSimple(type)).collect();
    if (beans.size() > 1) {
      throw new IllegalArgumentException("more than one CDI bean has this type: " + beans.stream()
          .map(bean -> bean.getBeanClass().toString()).sorted().collect(Collectors.joining(", ")));
    }
    if (beans.isEmpty()) {
      Instances.constructor(type); // checked, never called: the build must not run application code
    }
    return () -> {
      throw new IllegalStateException("build-time plans are for validation only");
    };
  }
}
