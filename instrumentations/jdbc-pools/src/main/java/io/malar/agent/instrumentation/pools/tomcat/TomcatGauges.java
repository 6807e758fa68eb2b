package io.malar.agent.instrumentation.pools.tomcat;

import io.malar.agent.bridge.PoolGauges;
import java.lang.ref.WeakReference;
import org.apache.tomcat.jdbc.pool.ConnectionPool;

/** A Tomcat JDBC pool, held weakly. */
final class TomcatGauges implements PoolGauges {
  private final String poolName;
  private final WeakReference<ConnectionPool> pool;

  TomcatGauges(String poolName, ConnectionPool pool) {
    this.poolName = poolName;
    this.pool = new WeakReference<>(pool);
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public boolean closed() {
    ConnectionPool current = pool.get();
    return current == null || current.isClosed();
  }

  @Override
  public int idle() {
    ConnectionPool current = pool.get();
    return current == null ? 0 : current.getIdle();
  }

  @Override
  public int used() {
    ConnectionPool current = pool.get();
    return current == null ? 0 : current.getActive();
  }

  /** A negative maximum means no limit. */
  @Override
  public int max() {
    ConnectionPool current = pool.get();
    return current == null ? 0 : Math.max(current.getPoolProperties().getMaxActive(), -1);
  }

  @Override
  public int pending() {
    ConnectionPool current = pool.get();
    return current == null ? 0 : current.getWaitCount();
  }
}
