package io.hermescache.quarkus.runtime;

import io.hermescache.HermesException;
import io.hermescache.cdi.interceptors.CachedCall;
import io.hermescache.cdi.interceptors.Invalidation;
import io.hermescache.cdi.interceptors.ReturnTypeSupport;
import io.hermescache.internal.plan.CachedMethodPlan;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Mutiny's {@link Uni}: its item is cached. Found by the interceptors through
 * {@code META-INF/services}. Not part of the API.
 */
public final class MutinyUnis implements ReturnTypeSupport {

  @Override
  public boolean supports(Class<?> returnType) {
    return returnType == Uni.class;
  }

  /** {@code T} of {@code Uni<T>}, type variables resolved against the bean class. */
  @Override
  public Type valueType(CachedMethodPlan plan) {
    Type returned = plan.returnType();
    return returned instanceof ParameterizedType ? ((ParameterizedType) returned).getActualTypeArguments()[0] : Object.class;
  }

  /**
   * A lazy {@code Uni}: nothing is read or run until it is subscribed to, and each subscription reads the
   * cache anew. On a miss the method's own {@code Uni} is subscribed to once for all the concurrent
   * subscribers of the key (the engine's single flight), and its item is stored.
   */
  @Override
  public Object cached(CachedCall call) {
    if (call.invalidating()) {
      // hermes.invalidate(() -> bean.m(x)) subscribes to nothing: the entry is dropped now, on this thread
      call.valueAsync(MutinyUnis::neverLoaded);
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().completionStage(() -> call.valueAsync(() -> {
      Uni<?> computed = (Uni<?>) call.proceed();
      if (computed == null) {
        throw new HermesException(call + " returned a null Uni");
      }
      return computed.subscribeAsCompletionStage();
    }));
  }

  /**
   * After the work the {@code Uni} stands for, which happens on subscription, not on the call; and without
   * blocking, since the item may arrive on an event-loop thread.
   */
  @Override
  public Object invalidateAfter(Object result, Invalidation invalidation) {
    if (result == null) {
      invalidation.now();
      return null;
    }
    return ((Uni<?>) result).call(() -> Uni.createFrom().completionStage(invalidation::async));
  }

  private static CompletionStage<?> neverLoaded() {
    return CompletableFuture.failedFuture(new IllegalStateException("an invalidation does not load"));
  }
}
