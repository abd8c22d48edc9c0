package io.hermescache;

/**
 * Bad configuration or a bad annotation: thrown while Hermes is built or deployed, never per call. The
 * message names the culprit (a configuration key and its value, or a class and method).
 */
public class HermesConfigurationException extends HermesException {

  private static final long serialVersionUID = 1L;

  public HermesConfigurationException(String message) {
    super(message);
  }

  public HermesConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code key = value: why} for a configuration value that cannot be used. */
  public static HermesConfigurationException badValue(String key, String value, String why) {
    return new HermesConfigurationException(key + " = " + value + ": " + why);
  }
}
