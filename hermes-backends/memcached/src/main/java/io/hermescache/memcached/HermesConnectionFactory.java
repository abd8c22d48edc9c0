package io.hermescache.memcached;

import java.util.Collection;
import java.util.List;
import net.spy.memcached.BinaryConnectionFactory;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;

/**
 * spymemcached's settings for Hermes: binary protocol, ketama hashing with a fallback to every server
 * ({@link KetamaWithFallback}), {@link FailureMode#Redistribute}, one timeout for operations and full queues,
 * daemon threads. A subclass rather than {@code ConnectionFactoryBuilder}, which offers no way to choose the
 * locator.
 */
final class HermesConnectionFactory extends BinaryConnectionFactory {

  /** Timeouts in a row after which a hanging server's connection is dropped and its keys redistributed. */
  private static final int TIMEOUTS_BEFORE_RECONNECT = 5;

  private final MemcachedSettings settings;
  private final ConnectionObserver observer;

  HermesConnectionFactory(MemcachedSettings settings, ConnectionObserver observer) {
    super(DEFAULT_OP_QUEUE_LEN, DEFAULT_READ_BUFFER_SIZE, DefaultHashAlgorithm.KETAMA_HASH);
    this.settings = settings;
    this.observer = observer;
  }

  @Override
  public NodeLocator createLocator(List<MemcachedNode> nodes) {
    return new KetamaWithFallback(new KetamaNodeLocator(nodes, getHashAlg()));
  }

  @Override
  public FailureMode getFailureMode() {
    return FailureMode.Redistribute;
  }

  @Override
  public long getOperationTimeout() {
    return settings.timeout().toMillis();
  }

  @Override
  public long getOpQueueMaxBlockTime() {
    return settings.timeout().toMillis();
  }

  @Override
  public int getTimeoutExceptionThreshold() {
    return TIMEOUTS_BEFORE_RECONNECT;
  }

  @Override
  public boolean isDaemon() {
    return true;
  }

  @Override
  public Collection<ConnectionObserver> getInitialObservers() {
    return List.of(observer);
  }

  @Override
  public AuthDescriptor getAuthDescriptor() {
    return settings.credentials().map(credentials -> new AuthDescriptor(new String[] {"PLAIN"},
        new PlainCallbackHandler(credentials.username(), credentials.password()))).orElse(null);
  }
}
