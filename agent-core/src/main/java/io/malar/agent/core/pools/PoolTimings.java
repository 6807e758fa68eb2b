package io.malar.agent.core.pools;

/** Receives the durations the pools measure, by pool name. */
public interface PoolTimings {
  PoolTimings NONE =
      new PoolTimings() {
        @Override
        public void waited(String poolName, long nanos) {}

        @Override
        public void used(String poolName, long nanos) {}
      };

  void waited(String poolName, long nanos);

  void used(String poolName, long nanos);
}
