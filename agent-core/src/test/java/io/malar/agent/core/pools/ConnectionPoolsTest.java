package io.malar.agent.core.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.WeakPoolGauges;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConnectionPoolsTest {
  private final ConnectionPools pools = new ConnectionPools();
  private final List<String> received = new ArrayList<>();
  private final PoolTimings receiver =
      new PoolTimings() {
        @Override
        public void waited(String poolName, long nanos) {
          received.add("waited " + poolName + " " + nanos);
        }

        @Override
        public void used(String poolName, long nanos) {
          received.add("used " + poolName + " " + nanos);
        }
      };

  @Test
  void durationsReportedBeforeTheMetricsExistAreHandedOverInOrder() {
    PoolGauges orders = pool("orders", new AtomicBoolean());
    pools.waited(orders, 1);
    pools.used(orders, 2);
    assertThat(received).isEmpty();

    pools.timings(receiver);
    pools.waited(orders, 3);
    assertThat(received).containsExactly("waited orders 1", "used orders 2", "waited orders 3");
  }

  @Test
  void theDurationsHeldAreBounded() {
    PoolGauges orders = pool("orders", new AtomicBoolean());
    for (int i = 0; i < EarlyTimings.LIMIT + 10; i++) {
      pools.waited(orders, i);
    }
    pools.timings(receiver);
    assertThat(received).hasSize(EarlyTimings.LIMIT);
  }

  @Test
  void aPoolIsReadUntilItCloses() {
    AtomicBoolean closed = new AtomicBoolean();
    pools.opened(pool("orders", closed));
    List<String> read = new ArrayList<>();
    pools.forEachOpen(pool -> read.add(pool.poolName()));
    closed.set(true);
    pools.forEachOpen(pool -> read.add(pool.poolName()));
    assertThat(read).containsExactly("orders");
  }

  /** A pool of no connections, closed once {@code closed} is set. */
  private static PoolGauges pool(String name, AtomicBoolean closed) {
    return new WeakPoolGauges<>(name, closed, AtomicBoolean::get, any -> 0, any -> 0, any -> 0, any -> 0);
  }
}
