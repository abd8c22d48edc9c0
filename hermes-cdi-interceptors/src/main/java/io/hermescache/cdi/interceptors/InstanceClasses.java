package io.hermescache.cdi.interceptors;

import jakarta.enterprise.context.Dependent;

/**
 * The bean class behind the class of an intercepted instance, for a bean the deployment never planned
 * (one added by another extension, say). This default knows Weld's naming of its proxy and interception
 * subclasses ({@code X$$...}); Quarkus replaces it with an {@code @Alternative} that knows ArC's. Not part
 * of the API.
 */
@Dependent
public class InstanceClasses {

  /** The bean class whose (generated) subclass {@code instanceClass} is, or {@code instanceClass} itself. */
  public Class<?> beanClassOf(Class<?> instanceClass) {
    Class<?> type = instanceClass;
    while (type.getName().contains("$$") && type.getSuperclass() != Object.class) {
      type = type.getSuperclass();
    }
    return type;
  }
}
