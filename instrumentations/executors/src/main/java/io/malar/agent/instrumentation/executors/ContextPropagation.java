package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextHook;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** Hands the current OpenTelemetry context over with tasks: the core's side of the advice. */
final class ContextPropagation implements ContextHook {
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  private final PendingForkJoinTasks pending = new PendingForkJoinTasks();

  @Override
  public Object current() {
    Context context = Context.current();
    return context == Context.root() ? null : context;
  }

  @Override
  public Object attach(Object context) {
    return ((Context) context).makeCurrent();
  }

  @Override
  public void detach(Object scope) {
    ((Scope) scope).close();
  }

  @Override
  public boolean isInternal(Object executor) {
    return InternalExecutors.isInternal(executor);
  }

  /** A virtual thread's continuation: the thread took its context when it was created. */
  @Override
  public boolean keepsOwnContext(Runnable task) {
    return task.getClass().getName().startsWith(VIRTUAL_THREAD);
  }

  @Override
  public boolean remember(Object forkJoinTask, Object context) {
    return pending.put(forkJoinTask, context);
  }

  @Override
  public Object take(Object forkJoinTask) {
    return pending.take(forkJoinTask);
  }
}
