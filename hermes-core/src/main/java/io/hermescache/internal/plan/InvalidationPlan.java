package io.hermescache.internal.plan;

import io.hermescache.HermesInvalidate;
import io.hermescache.internal.HermesEngine;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** The rendered tags and keys a {@link HermesInvalidate} method invalidates, worked out once at deployment. */
public final class InvalidationPlan {

  private final InterceptedMethod site;
  private final List<Template> tags;
  private final List<Template> keys;

  private InvalidationPlan(InterceptedMethod site, List<Template> tags, List<Template> keys) {
    this.site = site;
    this.tags = tags;
    this.keys = keys;
  }

  /**
   * The plan of {@code method} called on beans of {@code beanClass}, as {@code invalidate} says.
   *
   * @throws io.hermescache.HermesConfigurationException naming the class, the method and the problem
   */
  public static InvalidationPlan of(Class<?> beanClass, Method method, HermesInvalidate invalidate) {
    InterceptedMethod site = new InterceptedMethod(beanClass, method, HermesInvalidate.class);
    site.checkInterceptable();
    if (invalidate.tags().length == 0 && invalidate.keys().length == 0) {
      throw site.problem("neither tags nor keys are given, so there is nothing to invalidate");
    }
    return new InvalidationPlan(site, site.templates("tags", invalidate.tags()), site.templates("keys", invalidate.keys()));
  }

  /** The method as declared. */
  public Method method() {
    return site.method;
  }

  /** The tags to clean after a call with {@code arguments}. */
  public List<String> tags(Object[] arguments) {
    return InterceptedMethod.renderAll(tags, arguments);
  }

  /** The entry keys (without {@code {prefix}:entry:}) to invalidate after a call with {@code arguments}. */
  public List<String> keys(Object[] arguments) {
    List<String> rendered = InterceptedMethod.renderAll(keys, arguments);
    return rendered.stream().map(CachedMethodPlan::textKey).collect(Collectors.toList());
  }

  /**
   * What the intercepted call returns, invalidating after it has returned normally: at once for a value;
   * for a {@code CompletionStage} or {@code CompletableFuture}, once it completes normally (as a stage of
   * the same declared type).
   */
  public Object afterReturning(HermesEngine engine, Object result, Object[] arguments) {
    Class<?> returnType = site.method.getReturnType();
    // exactly these two: a stage derived from the result has to fit the declared return type
    if ((returnType == CompletionStage.class || returnType == CompletableFuture.class) && result != null) {
      return ((CompletionStage<?>) result).thenApply(value -> {
        invalidate(engine, arguments);
        return value;
      });
    }
    invalidate(engine, arguments);
    return result;
  }

  /** Cleans the tags, then invalidates the keys, of a call with {@code arguments}. */
  public void invalidate(HermesEngine engine, Object[] arguments) {
    engine.clean(tags(arguments).toArray(String[]::new));
    keys(arguments).forEach(engine::invalidate);
  }

  /** {@link #invalidate} on the engine's executor, never blocking the caller. */
  public CompletionStage<Void> invalidateAsync(HermesEngine engine, Object[] arguments) {
    CompletionStage<Void> done = engine.cleanAsync(tags(arguments).toArray(String[]::new));
    for (String key : keys(arguments)) {
      done = done.thenCompose(cleaned -> engine.invalidateAsync(key));
    }
    return done;
  }

  @Override
  public String toString() {
    return "@HermesInvalidate " + site.describe();
  }
}
