package io.hermescache.internal.plan;

import io.hermescache.HermesConfigurationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A method of a bean class as an interceptor sees it: its types resolved against the bean class, and the
 * checks and messages the plans share.
 */
final class InterceptedMethod {

  final Class<?> beanClass;
  final Method method;
  final Type[] parameterTypes;
  final Type returnType;
  private final String annotation;

  InterceptedMethod(Class<?> beanClass, Method method, Class<? extends Annotation> annotation) {
    this.beanClass = beanClass;
    this.method = method;
    this.annotation = "@" + annotation.getSimpleName();
    Map<TypeVariable<?>, Type> bindings = Generics.bindings(beanClass);
    this.parameterTypes = Arrays.stream(method.getGenericParameterTypes()).map(t -> Generics.resolve(t, bindings))
        .toArray(Type[]::new);
    this.returnType = Generics.resolve(method.getGenericReturnType(), bindings);
  }

  /** {@code com.example.Repo.find(long)}, plus the bean class when the method is inherited. */
  String describe() {
    String signature = method.getDeclaringClass().getName() + "." + method.getName()
        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    return beanClass == method.getDeclaringClass() ? signature : signature + " (inherited by " + beanClass.getName() + ")";
  }

  /** The deployment error for {@code problem} of this method. */
  HermesConfigurationException problem(String problem) {
    return new HermesConfigurationException(annotation + " on " + describe() + ": " + problem);
  }

  /** Fails unless a CDI interceptor can reach this method: not private, static or final, nor in a final class. */
  void checkInterceptable() {
    int modifiers = method.getModifiers();
    String why = Modifier.isPrivate(modifiers) ? "the method is private"
        : Modifier.isStatic(modifiers) ? "the method is static"
        : Modifier.isFinal(modifiers) ? "the method is final"
        : Modifier.isFinal(beanClass.getModifiers()) ? "the class " + beanClass.getName() + " is final"
        : null;
    if (why != null) {
      throw problem(why + ", so it cannot be intercepted (CDI intercepts only non-private, non-static, non-final"
          + " methods of non-final classes)");
    }
  }

  /** The templates compiled for this method; a bad one fails naming this method. */
  List<Template> templates(String member, String[] sources) {
    return Arrays.stream(sources).map(source -> template(member, source)).collect(Collectors.toUnmodifiableList());
  }

  Template template(String member, String source) {
    if (source.isEmpty()) {
      throw problem(member + ": an empty template");
    }
    try {
      return Template.compile(source, method, parameterTypes);
    } catch (IllegalArgumentException e) {
      throw problem(member + ": " + e.getMessage());
    }
  }

  static List<String> renderAll(List<Template> templates, Object[] arguments) {
    if (templates.isEmpty()) {
      return List.of();
    }
    String[] rendered = new String[templates.size()];
    for (int i = 0; i < rendered.length; i++) {
      rendered[i] = templates.get(i).render(arguments);
    }
    return Arrays.asList(rendered);
  }
}
