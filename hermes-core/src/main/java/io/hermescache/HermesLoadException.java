package io.hermescache;

/**
 * Wraps a checked exception thrown by the loader passed to {@link Hermes#cached}. Unchecked exceptions
 * and errors reach the caller as they are.
 */
public class HermesLoadException extends HermesException {

  private static final long serialVersionUID = 1L;

  public HermesLoadException(Exception cause) {
    super("The loader threw " + cause, cause);
  }
}
