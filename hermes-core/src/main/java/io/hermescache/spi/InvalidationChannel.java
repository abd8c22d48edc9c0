package io.hermescache.spi;

import java.util.List;

/**
 * A message bus between the JVMs that share one backend and prefix, over which near caches tell each other
 * which keys they changed ({@link #publish}) and prove that they still hear each other ({@link #ping}).
 * A backend offers one through {@link Backend#invalidationChannel(String)}; Redis does with pub/sub.
 *
 * <p>The near cache relies on exactly this: messages reach a subscriber in the order the server accepted
 * them, and a subscriber that missed one has been told so by {@link Listener#unsubscribed()} (its
 * subscription broke) before it hears anything again. Implementations are thread-safe; creating one must
 * not connect ({@link #subscribe} does).
 */
public interface InvalidationChannel extends AutoCloseable {

  /**
   * Announces that {@code keys} changed; returns once the server accepted the message, so that every
   * subscriber then subscribed hears it. Throws (any {@link RuntimeException}) if that cannot be assured.
   */
  void publish(List<String> keys);

  /**
   * Publishes a ping carrying {@code token}: a subscriber's {@link Listener#pinged(String)} is called with
   * it after every message the server accepted before it. Throws like {@link #publish}.
   */
  void ping(String token);

  /**
   * Starts receiving, in the background: connects, calls {@link Listener#subscribed()} once messages flow,
   * and after a broken subscription {@link Listener#unsubscribed()}, then reconnects until {@link #close()}.
   * The listener is called from one thread at a time, in the order the server accepted the messages.
   * Called at most once.
   */
  void subscribe(Listener listener);

  /** Stops receiving and frees the connection; no listener call starts afterwards. */
  @Override
  void close();

  /** What a subscriber hears. */
  interface Listener {

    /** A subscription started: messages published from now on arrive; earlier ones may have been missed. */
    void subscribed();

    /** The subscription broke: messages published from now until the next {@link #subscribed()} are lost. */
    void unsubscribed();

    /** Another JVM, or this one, changed {@code keys}. */
    void invalidated(List<String> keys);

    /** The ping {@code token} of some subscriber (this one included) came back. */
    void pinged(String token);
  }
}
