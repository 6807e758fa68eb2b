package io.malar.agent.core.pools;

/** Receives the durations the pools measure, by pool name. */
public interface PoolTimings {
  void waited(String poolName, long nanos);

  void used(String poolName, long nanos);
}
