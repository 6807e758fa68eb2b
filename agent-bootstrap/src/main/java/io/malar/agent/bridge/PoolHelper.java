package io.malar.agent.bridge;

/**
 * A pool library's helper, defined next to that library so it may use the library's types; the
 * core reaches it through this interface only.
 */
public interface PoolHelper {
  /**
   * Starts reading {@code pool} (with {@code owner}, the object that configures it, or null) into
   * {@code listener}; returns what the advice installs in the pool (HikariCP's tracker factory), or
   * the gauges of the pool.
   */
  Object attach(Object pool, Object owner, PoolListener listener);
}
