package io.malar.agent.instrumentation.pools.tomcat;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolHelper;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.bridge.WeakPoolGauges;
import org.apache.tomcat.jdbc.pool.ConnectionPool;

/** Defined next to Tomcat JDBC: reads a {@code ConnectionPool}, held weakly, under its configured name. */
public final class TomcatHelper implements PoolHelper {
  @Override
  public Object attach(Object pool, Object owner, PoolListener listener) {
    ConnectionPool connectionPool = (ConnectionPool) pool;
    PoolGauges gauges =
        new WeakPoolGauges<>(
            connectionPool.getName(),
            connectionPool,
            ConnectionPool::isClosed,
            ConnectionPool::getIdle,
            ConnectionPool::getActive,
            current -> current.getPoolProperties().getMaxActive(),
            ConnectionPool::getWaitCount);
    listener.opened(gauges);
    return gauges;
  }
}
