package io.hermescache.memcached;

import io.hermescache.HermesException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.StatusCode;

/**
 * Sends spymemcached operations and waits for their replies, each at most {@code hermes.memcached.timeout}.
 * What goes wrong comes out as a {@link HermesException} naming the command, the key (by
 * {@link KeyNames#named}) and the servers: a timeout, an interruption (the interrupt flag is set again), a
 * failed operation, a write refused for a reason other than the key's own. An operation cancelled because
 * its connection broke is sent a second time, once.
 */
final class Replies {

  private final MemcachedSettings settings;
  private final long timeoutMillis;

  Replies(MemcachedSettings settings) {
    this.settings = settings;
    this.timeoutMillis = settings.timeout().toMillis();
  }

  /** What the operation {@code send} sends reads, {@code subject} naming its keys in messages. */
  <T> T read(Supplier<? extends Future<? extends T>> send, String command, String subject) {
    return retryingOnce(() -> await(send.get(), command, subject));
  }

  /**
   * The completed write that {@code send} sends, which memcached either did or refused for a reason of the
   * key's own (already there, not there, CAS changed, too large): its status says which.
   */
  OperationFuture<?> write(Supplier<? extends OperationFuture<?>> send, String command) {
    return retryingOnce(() -> written(send.get(), command));
  }

  private OperationFuture<?> written(OperationFuture<?> write, String command) {
    await(write, command, KeyNames.named(write.getKey()));
    StatusCode status = write.getStatus().getStatusCode();
    switch (status) {
      case SUCCESS, ERR_EXISTS, ERR_NOT_FOUND, ERR_NOT_STORED, ERR_2BIG:
        return write;
      default:
        throw new HermesException("memcached " + command + " " + KeyNames.named(write.getKey()) + " failed: " + status
            + " " + write.getStatus().getMessage() + " (" + settings.describeServers() + ")");
    }
  }

  /**
   * spymemcached cancels the operations it had sent on a connection that breaks; by the time the caller sees
   * that, the server is marked down and skipped, so the second try goes to the next server on the ring.
   */
  private static <T> T retryingOnce(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConnectionLost e) {
      return operation.get();
    }
  }

  private <T> T await(Future<? extends T> operation, String command, String subject) {
    try {
      return operation.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      operation.cancel(false);
      throw new HermesException("Interrupted during memcached " + command + " " + subject, e);
    } catch (TimeoutException e) {
      operation.cancel(false);
      throw new HermesException("memcached " + command + " " + subject + " timed out after " + timeoutMillis
          + " ms (" + settings.describeServers() + ", hermes.memcached.timeout)", e);
    } catch (ExecutionException e) {
      String message = "memcached " + command + " " + subject + " failed (" + settings.describeServers() + "): "
          + e.getCause();
      throw e.getCause() instanceof CancellationException ? new ConnectionLost(message, e.getCause())
          : new HermesException(message, e.getCause());
    }
  }

  /** An operation cancelled by spymemcached because the connection it was sent on broke. */
  private static final class ConnectionLost extends HermesException {
    private static final long serialVersionUID = 1L;

    ConnectionLost(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
