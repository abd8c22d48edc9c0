package io.hermescache.internal.plan;

import io.hermescache.HermesCached;
import io.hermescache.spi.Settings;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Per-method overrides of {@link HermesCached} members from configuration, the MicroProfile Fault Tolerance
 * way: {@code <class>/<method>/HermesCached/<member>}, then {@code <class>/HermesCached/<member>} for every
 * method of a class; the bean class first, then, for an inherited method, the class that declares it. Read
 * once, when the method's plan is made.
 */
final class MethodConfiguration {

  private static final String ANNOTATION = HermesCached.class.getSimpleName();

  private final Settings settings;
  private final Class<?> beanClass;
  private final Method method;

  MethodConfiguration(Settings settings, Class<?> beanClass, Method method) {
    this.settings = settings;
    this.beanClass = beanClass;
    this.method = method;
  }

  /** A configured value of {@code member}: the key it was found under and its text. */
  record Value(String key, String text) {}

  Optional<Value> member(String member) {
    Class<?> declaring = method.getDeclaringClass();
    for (String key : new String[] {
        beanClass.getName() + "/" + method.getName() + "/" + ANNOTATION + "/" + member,
        declaring.getName() + "/" + method.getName() + "/" + ANNOTATION + "/" + member,
        beanClass.getName() + "/" + ANNOTATION + "/" + member,
        declaring.getName() + "/" + ANNOTATION + "/" + member}) {
      Optional<String> text = settings.get(key);
      if (text.isPresent()) {
        return Optional.of(new Value(key, text.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * The application's MicroProfile Config, if the class path has one (read by reflection: the core does not
   * depend on it); else no overrides.
   */
  static Settings microProfile() {
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      ClassLoader loader = context != null ? context : MethodConfiguration.class.getClassLoader();
      Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
      Object config = provider.getMethod("getConfig").invoke(null);
      Method lookup = Class.forName("org.eclipse.microprofile.config.Config", true, loader)
          .getMethod("getOptionalValue", String.class, Class.class);
      return key -> {
        try {
          @SuppressWarnings("unchecked")
          Optional<String> value = (Optional<String>) lookup.invoke(config, key, String.class);
          return value;
        } catch (ReflectiveOperationException e) {
          return Optional.empty();
        }
      };
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return key -> Optional.empty();
    }
  }
}
