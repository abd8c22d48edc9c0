package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.InterceptedBeans;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;

/**
 * The interceptor bindings the container resolved for one call. Asked only for a method deployment did
 * not plan; {@code getInterceptorBinding} exists from Jakarta Interceptors 2.2 (EE 11) on, so it is
 * called only then, and on an EE 10 server it answers nothing rather than fail the call.
 */
final class ContainerBindings implements InterceptedBeans.Bindings {

  private final InvocationContext call;

  ContainerBindings(InvocationContext call) {
    this.call = call;
  }

  @Override
  public <A extends Annotation> A get(Class<A> type) {
    try {
      return call.getInterceptorBinding(type);
    } catch (NoSuchMethodError olderContainer) {
      return null;
    }
  }
}
