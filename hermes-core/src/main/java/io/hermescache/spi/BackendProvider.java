package io.hermescache.spi;

/**
 * Creates a backend by name, found with {@link java.util.ServiceLoader}: adding a backend module to the
 * class path and setting {@code hermes.backend} to its name is all a user does.
 */
public interface BackendProvider {

  /** The value of {@code hermes.backend} that selects this provider, e.g. {@code redis}. */
  String name();

  /**
   * A backend configured from {@code settings}, without connecting. Bad settings throw
   * {@link io.hermescache.HermesConfigurationException} naming the key and value.
   */
  Backend create(Settings settings);
}
