package io.hermescache;

/** A failure of the cache itself, as opposed to one of the cached method. */
public class HermesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HermesException(String message) {
    super(message);
  }

  public HermesException(String message, Throwable cause) {
    super(message, cause);
  }
}
