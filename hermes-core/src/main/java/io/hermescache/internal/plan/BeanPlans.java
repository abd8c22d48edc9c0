package io.hermescache.internal.plan;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans of every {@link HermesCached} and {@link HermesInvalidate} method of one bean class, and the
 * problems found on the way. A method is covered by its own annotation or, failing that, by one on the
 * class (inherited too); methods inherited from superclasses count, overridden ones in their overriding
 * form only.
 */
public final class BeanPlans {

  private final Class<?> beanClass;
  private final Map<Method, CachedMethodPlan> cached = new LinkedHashMap<>();
  private final Map<Method, InvalidationPlan> invalidations = new LinkedHashMap<>();
  private final List<HermesConfigurationException> problems = new ArrayList<>();

  private BeanPlans(Class<?> beanClass) {
    this.beanClass = beanClass;
  }

  /** Plans (and problems) of the annotated methods of {@code beanClass}. */
  public static BeanPlans of(Class<?> beanClass, Instances instances) {
    BeanPlans plans = new BeanPlans(beanClass);
    for (Method method : methods(beanClass)) {
      HermesCached cached = annotation(beanClass, method, HermesCached.class);
      if (cached != null) {
        try {
          plans.cached.put(method, CachedMethodPlan.of(beanClass, method, cached, instances));
        } catch (HermesConfigurationException e) {
          plans.problems.add(e);
        }
      }
      HermesInvalidate invalidate = annotation(beanClass, method, HermesInvalidate.class);
      if (invalidate != null) {
        try {
          plans.invalidations.put(method, InvalidationPlan.of(beanClass, method, invalidate));
        } catch (HermesConfigurationException e) {
          plans.problems.add(e);
        }
      }
    }
    return plans;
  }

  /**
   * The annotation that covers {@code method} on beans of {@code beanClass}: the method's own or, failing
   * that, the class's, which covers only what a class-level annotation means. For {@link HermesCached}: public
   * instance methods that return a value, not lifecycle callbacks nor methods of {@code Object} (a setter, an
   * init method or {@code toString()} is left alone). For {@link HermesInvalidate}: public and package
   * methods alike, but not lifecycle callbacks nor methods of {@code Object}. Null if none.
   */
  public static <A extends Annotation> A annotation(Class<?> beanClass, Method method, Class<A> type) {
    A own = method.getAnnotation(type);
    if (own != null) {
      return own;
    }
    return coveredByClass(method, type) ? beanClass.getAnnotation(type) : null;
  }

  /** Whether an annotation of {@code type} on the class covers {@code method} (see {@link #annotation}). */
  public static boolean coveredByClass(Method method, Class<? extends Annotation> type) {
    int modifiers = method.getModifiers();
    // private and static methods are not intercepted at all
    if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || isLifecycleCallback(method)
        || overridesObject(method)) {
      return false;
    }
    return type != HermesCached.class || Modifier.isPublic(modifiers) && method.getReturnType() != void.class;
  }

  /** {@code @PostConstruct} or {@code @PreDestroy}, known by name: the core does not depend on jakarta.annotation. */
  private static boolean isLifecycleCallback(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      String name = annotation.annotationType().getName();
      if (name.endsWith(".PostConstruct") || name.endsWith(".PreDestroy")) {
        return true;
      }
    }
    return false;
  }

  private static boolean overridesObject(Method method) {
    try {
      Object.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The bean class planned. */
  public Class<?> beanClass() {
    return beanClass;
  }

  public Map<Method, CachedMethodPlan> cached() {
    return cached;
  }

  public Map<Method, InvalidationPlan> invalidations() {
    return invalidations;
  }

  /** One exception per bad method, each naming class, method and problem. */
  public List<HermesConfigurationException> problems() {
    return problems;
  }

  /** The methods of the class and its superclasses but Object, overridden ones once, bridges never. */
  private static List<Method> methods(Class<?> beanClass) {
    List<Method> methods = new ArrayList<>();
    Set<String> overridable = new HashSet<>();
    for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isBridge() || method.isSynthetic()) {
          continue;
        }
        int modifiers = method.getModifiers();
        boolean inheritable = !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers);
        String signature = method.getName() + Arrays.toString(method.getParameterTypes());
        if (inheritable && !overridable.add(signature)) {
          continue;
        }
        methods.add(method);
      }
    }
    return methods;
  }
}
