package io.malar.agent.bridge;

/**
 * The core's side of context propagation: contexts and scopes travel as Object, since the
 * OpenTelemetry classes live in the agent's own class loader.
 */
public interface ContextHook {
  /** The context to hand over with a task, or null when there is none worth carrying. */
  Object current();

  /** Makes {@code context} current on this thread; returns what {@link #detach} restores. */
  Object attach(Object context);

  void detach(Object scope);

  /** Whether {@code executor} belongs to a container or to the agent: its tasks carry nothing. */
  boolean isInternal(Object executor);

  /** Whether {@code task} is a JDK task that keeps its own context (a virtual thread's continuation). */
  boolean keepsOwnContext(Runnable task);

  /** Remembers {@code context} for a ForkJoinTask until a worker takes it; false when no room. */
  boolean remember(Object forkJoinTask, Object context);

  /** The context remembered for {@code forkJoinTask}, forgotten as it is taken, or null. */
  Object take(Object forkJoinTask);
}
