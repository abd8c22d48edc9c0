package io.hermescache;

/** What a cached call does when the backend fails ({@code hermes.backend-failure}). */
public enum BackendFailure {
  /** Run the method without the cache, log (rate-limited) and count the error. The default. */
  BYPASS,
  /** Throw {@link HermesException} with the backend's error as cause. */
  PROPAGATE
}
