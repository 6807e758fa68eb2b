package io.malar.agent.core.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.PoolGauges;
import java.util.ArrayList;
import java.util.List;
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
    PoolGauges orders = new NamedPool("orders");
    pools.waited(orders, 1);
    pools.used(orders, 2);
    assertThat(received).isEmpty();

    pools.timings(receiver);
    pools.waited(orders, 3);
    assertThat(received).containsExactly("waited orders 1", "used orders 2", "waited orders 3");
  }

  @Test
  void theDurationsHeldAreBounded() {
    PoolGauges orders = new NamedPool("orders");
    for (int i = 0; i < EarlyTimings.LIMIT + 10; i++) {
      pools.waited(orders, i);
    }
    pools.timings(receiver);
    assertThat(received).hasSize(EarlyTimings.LIMIT);
  }

  @Test
  void aPoolIsReadUntilItCloses() {
    NamedPool orders = new NamedPool("orders");
    pools.opened(orders);
    List<String> read = new ArrayList<>();
    pools.forEachOpen(pool -> read.add(pool.poolName()));
    orders.closed = true;
    pools.forEachOpen(pool -> read.add(pool.poolName()));
    assertThat(read).containsExactly("orders");
  }

  private static final class NamedPool implements PoolGauges {
    private final String name;
    boolean closed;

    NamedPool(String name) {
      this.name = name;
    }

    @Override
    public String poolName() {
      return name;
    }

    @Override
    public boolean closed() {
      return closed;
    }

    @Override
    public int idle() {
      return 0;
    }

    @Override
    public int used() {
      return 0;
    }

    @Override
    public int max() {
      return 0;
    }

    @Override
    public int pending() {
      return 0;
    }
  }
}
