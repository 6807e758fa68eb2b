package io.malar.agent.instrumentation.pools.dbcp2;

import io.malar.agent.bridge.PoolGauges;
import java.lang.ref.WeakReference;
import org.apache.commons.pool2.impl.GenericObjectPool;

/** A DBCP2 data source's object pool, held weakly. */
final class Dbcp2Gauges implements PoolGauges {
  private final String poolName;
  private final WeakReference<GenericObjectPool<?>> pool;

  Dbcp2Gauges(String poolName, GenericObjectPool<?> pool) {
    this.poolName = poolName;
    this.pool = new WeakReference<>(pool);
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public boolean closed() {
    GenericObjectPool<?> current = pool.get();
    return current == null || current.isClosed();
  }

  @Override
  public int idle() {
    GenericObjectPool<?> current = pool.get();
    return current == null ? 0 : current.getNumIdle();
  }

  @Override
  public int used() {
    GenericObjectPool<?> current = pool.get();
    return current == null ? 0 : current.getNumActive();
  }

  /** A negative maximum means no limit. */
  @Override
  public int max() {
    GenericObjectPool<?> current = pool.get();
    return current == null ? 0 : Math.max(current.getMaxTotal(), -1);
  }

  @Override
  public int pending() {
    GenericObjectPool<?> current = pool.get();
    return current == null ? 0 : current.getNumWaiters();
  }
}
