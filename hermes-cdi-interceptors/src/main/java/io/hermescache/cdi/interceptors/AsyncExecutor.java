package io.hermescache.cdi.interceptors;

import jakarta.enterprise.context.Dependent;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The executor of asynchronous work (backend I/O of {@code CompletionStage} methods, waits): the Jakarta EE
 * server's default managed executor where there is one, so that its threads and context propagation are
 * used; else none, and Hermes uses its own. Quarkus replaces this bean with an {@code @Alternative} that
 * answers its worker pool. Not part of the API.
 */
@Dependent
public class AsyncExecutor {

  /** The executor to use, or {@code null} for Hermes' own. */
  public Executor executor() {
    try {
      Object executor = new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
      return executor instanceof Executor ? (Executor) executor : null;
    } catch (NamingException | RuntimeException e) {
      return null;
    }
  }
}
