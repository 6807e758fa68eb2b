package io.malar.agent.bridge;

/** A task that runs in the context current when it was handed over, and leaves the thread clean. */
public final class ContextRunnable implements Runnable {
  private final Runnable task;
  private final Object context;

  ContextRunnable(Runnable task, Object context) {
    this.task = task;
    this.context = context;
  }

  /** The application's own task. */
  public Runnable task() {
    return task;
  }

  @Override
  public void run() {
    Object scope = ContextBridge.attach(context);
    try {
      task.run();
    } finally {
      ContextBridge.detach(scope);
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
