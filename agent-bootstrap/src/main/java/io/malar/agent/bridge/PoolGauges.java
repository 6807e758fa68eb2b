package io.malar.agent.bridge;

/**
 * One connection pool's state, read from the pool itself when metrics are exported. Implemented
 * next to the pool library by a helper that holds the pool weakly, so a pool the application
 * dropped is forgotten.
 */
public interface PoolGauges {
  /** The pool's name, unique among the open pools. */
  String poolName();

  /** The pool was shut down or collected: its series end. */
  boolean closed();

  int idle();

  int used();

  /** The most connections the pool opens, or -1 without a limit. */
  int max();

  /** Threads waiting for a connection. */
  int pending();
}
