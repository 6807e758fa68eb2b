package io.malar.agent.bridge;

import java.util.concurrent.Callable;

/** A task that runs in the context current when it was handed over, and leaves the thread clean. */
public final class ContextCallable<T> implements Callable<T> {
  private final Callable<T> task;
  private final Object context;

  ContextCallable(Callable<T> task, Object context) {
    this.task = task;
    this.context = context;
  }

  @Override
  public T call() throws Exception {
    Object scope = ContextBridge.attach(context);
    try {
      return task.call();
    } finally {
      ContextBridge.detach(scope);
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
