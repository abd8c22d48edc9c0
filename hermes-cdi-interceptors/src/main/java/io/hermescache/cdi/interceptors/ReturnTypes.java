package io.hermescache.cdi.interceptors;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link ReturnTypeSupport}s: those found with {@link ServiceLoader}, then the built-in
 * {@code CompletionStage} and plain-value ones, the last serving every type.
 */
public final class ReturnTypes {

  private static final List<ReturnTypeSupport> SUPPORTS = load();

  private ReturnTypes() {}

  private static List<ReturnTypeSupport> load() {
    List<ReturnTypeSupport> supports = new ArrayList<>();
    ServiceLoader.load(ReturnTypeSupport.class, ReturnTypeSupport.class.getClassLoader()).forEach(supports::add);
    supports.add(new CompletionStages());
    supports.add(new PlainValues());
    return List.copyOf(supports);
  }

  /** The support serving methods declared to return {@code returnType}. */
  public static ReturnTypeSupport of(Class<?> returnType) {
    for (ReturnTypeSupport support : SUPPORTS) {
      if (support.supports(returnType)) {
        return support;
      }
    }
    throw new IllegalStateException("no support for " + returnType); // PlainValues supports every type
  }
}
