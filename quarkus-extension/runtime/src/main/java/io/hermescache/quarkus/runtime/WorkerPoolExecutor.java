package io.hermescache.quarkus.runtime;

import io.hermescache.cdi.interceptors.AsyncExecutor;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.Executor;

/** Asynchronous work runs on Quarkus' worker pool. Not part of the API. */
@Alternative
@Priority(1)
@Dependent
public class WorkerPoolExecutor extends AsyncExecutor {

  @Override
  public Executor executor() {
    return Infrastructure.getDefaultWorkerPool();
  }
}
