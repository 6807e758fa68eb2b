package io.malar.agent.core.pools;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the durations pools report before the metrics exist (an application's pools often start
 * while the agent still builds its telemetry in the background), up to a bound, and hands them
 * over once they do, so the first waits count too.
 */
final class EarlyTimings implements PoolTimings {
  static final int LIMIT = 4096;

  private final List<Timing> held = new ArrayList<>();
  private PoolTimings receiver;

  @Override
  public synchronized void waited(String poolName, long nanos) {
    if (receiver != null) {
      receiver.waited(poolName, nanos);
    } else if (held.size() < LIMIT) {
      held.add(new Timing(true, poolName, nanos));
    }
  }

  @Override
  public synchronized void used(String poolName, long nanos) {
    if (receiver != null) {
      receiver.used(poolName, nanos);
    } else if (held.size() < LIMIT) {
      held.add(new Timing(false, poolName, nanos));
    }
  }

  /** Replays what was held into {@code newReceiver}, which gets every later duration directly. */
  synchronized void handOver(PoolTimings newReceiver) {
    for (Timing timing : held) {
      if (timing.waited) {
        newReceiver.waited(timing.poolName, timing.nanos);
      } else {
        newReceiver.used(timing.poolName, timing.nanos);
      }
    }
    held.clear();
    receiver = newReceiver;
  }

  private static final class Timing {
    final boolean waited;
    final String poolName;
    final long nanos;

    Timing(boolean waited, String poolName, long nanos) {
      this.waited = waited;
      this.poolName = poolName;
      this.nanos = nanos;
    }
  }
}
