package io.malar.agent.bridge;

/** Where a pool library's helper reports its pools and the durations the pool measures itself. */
public interface PoolListener {
  void opened(PoolGauges pool);

  /** A caller waited {@code nanos} for a connection of {@code pool} (given one or timed out). */
  void waited(PoolGauges pool, long nanos);

  /** A connection of {@code pool} was borrowed for {@code nanos} before it came back. */
  void used(PoolGauges pool, long nanos);
}
