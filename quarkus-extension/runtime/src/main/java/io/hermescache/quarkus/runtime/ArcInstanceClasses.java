package io.hermescache.quarkus.runtime;

import io.hermescache.cdi.interceptors.InstanceClasses;
import io.quarkus.arc.Subclass;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;

/** ArC marks its interception subclasses with {@link Subclass}. Not part of the API. */
@Alternative
@Priority(1)
@Dependent
public class ArcInstanceClasses extends InstanceClasses {

  @Override
  public Class<?> beanClassOf(Class<?> instanceClass) {
    return Subclass.class.isAssignableFrom(instanceClass) ? instanceClass.getSuperclass() : instanceClass;
  }
}
