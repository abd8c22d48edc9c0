package io.hermescache;

import java.time.Duration;

/**
 * A cached method did not answer within its hard timeout ({@link HermesCached#hardTimeout()},
 * {@code hermes.timeout.hard}) and no stale value could be served instead. The computation was not
 * cancelled: it goes on in the background and stores its value, which later calls are served.
 */
public class HermesTimeoutException extends HermesException {

  private static final long serialVersionUID = 1L;

  private final transient Duration timeout;

  public HermesTimeoutException(String message, Duration timeout) {
    super(message);
    this.timeout = timeout;
  }

  /** The hard timeout that ran out. */
  public Duration timeout() {
    return timeout;
  }
}
