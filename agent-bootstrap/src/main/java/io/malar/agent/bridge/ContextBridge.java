package io.malar.agent.bridge;

import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RunnableFuture;

/**
 * Static entry points of the advice that carries the current context from the thread handing a
 * task over to the thread running it. With no current context, each entry point costs one check
 * and returns the task unchanged; with one, a task is either wrapped in one small object or, for a
 * ForkJoinTask, whose identity matters, remembered until a worker starts it.
 */
public final class ContextBridge {
  private static volatile ContextHook hook;

  private ContextBridge() {}

  public static void install(ContextHook newHook) {
    hook = newHook;
  }

  /** A task handed to a container or thread factory that runs exactly what it is given. */
  public static Runnable wrap(Runnable task) {
    ContextHook current = hook;
    if (current == null || task == null || task instanceof ContextRunnable) {
      return task;
    }
    Object context = current.current();
    return context == null ? task : new ContextRunnable(task, context);
  }

  /**
   * A task handed to an executor. Futures are left alone: they were made by the executor's
   * {@code newTaskFor} around a task already wrapped, and the executor may look at them again
   * ({@code afterExecute}, {@code remove}).
   */
  public static Runnable wrap(Runnable task, Object executor) {
    ContextHook current = hook;
    if (current == null || task == null || task instanceof ContextRunnable || task instanceof RunnableFuture) {
      return task;
    }
    Object context = current.current();
    return context == null || current.isInternal(executor) ? task : new ContextRunnable(task, context);
  }

  public static <T> Callable<T> wrap(Callable<T> task, Object executor) {
    ContextHook current = hook;
    if (current == null || task == null || task instanceof ContextCallable) {
      return task;
    }
    Object context = current.current();
    return context == null || current.isInternal(executor) ? task : new ContextCallable<>(task, context);
  }

  /** A Runnable handed to a ForkJoinPool: a ForkJoinTask is remembered, anything else wrapped. */
  public static Runnable wrapForPool(Runnable task) {
    ContextHook current = hook;
    if (current == null || task == null || task instanceof ContextRunnable) {
      return task;
    }
    Object context = current.current();
    if (context == null || current.keepsOwnContext(task)) {
      return task;
    }
    if (task instanceof ForkJoinTask) {
      current.remember(task, context);
      return task;
    }
    return new ContextRunnable(task, context);
  }

  /** A ForkJoinTask forked or handed to a pool. */
  public static void handOver(Object forkJoinTask) {
    ContextHook current = hook;
    if (current == null || forkJoinTask == null) {
      return;
    }
    Object context = current.current();
    if (context != null) {
      current.remember(forkJoinTask, context);
    }
  }

  /** A ForkJoinTask starts: returns the scope to close when it ends, or null. */
  public static Object starting(Object forkJoinTask) {
    ContextHook current = hook;
    if (current == null) {
      return null;
    }
    Object context = current.take(forkJoinTask);
    return context == null ? null : attach(context);
  }

  public static void ended(Object scope) {
    detach(scope);
  }

  /** Puts back the application's own tasks in a list an executor returns ({@code shutdownNow}). */
  public static void unwrapAll(List<Runnable> tasks) {
    if (tasks == null) {
      return;
    }
    for (ListIterator<Runnable> it = tasks.listIterator(); it.hasNext(); ) {
      Runnable task = it.next();
      if (task instanceof ContextRunnable) {
        it.set(((ContextRunnable) task).task());
      }
    }
  }

  static Object attach(Object context) {
    try {
      return hook.attach(context);
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return null;
    }
  }

  static void detach(Object scope) {
    if (scope == null) {
      return;
    }
    try {
      hook.detach(scope);
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }
}
