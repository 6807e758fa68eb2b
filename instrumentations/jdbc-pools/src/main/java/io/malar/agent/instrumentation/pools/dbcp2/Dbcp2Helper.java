package io.malar.agent.instrumentation.pools.dbcp2;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolHelper;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.bridge.WeakPoolGauges;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * Defined next to DBCP2: reads the object pool a {@code BasicDataSource} started, held weakly. The pool's name
 * is the {@code name} key of the data source's JMX name when it has one, else {@code
 * BasicDataSource@} and its identity.
 */
public final class Dbcp2Helper implements PoolHelper {
  @Override
  public Object attach(Object pool, Object dataSource, PoolListener listener) {
    PoolGauges gauges =
        new WeakPoolGauges<>(
            name((BasicDataSource) dataSource),
            (GenericObjectPool<?>) pool,
            GenericObjectPool::isClosed,
            GenericObjectPool::getNumIdle,
            GenericObjectPool::getNumActive,
            GenericObjectPool::getMaxTotal,
            GenericObjectPool::getNumWaiters);
    listener.opened(gauges);
    return gauges;
  }

  private static String name(BasicDataSource dataSource) {
    String jmxName = dataSource.getJmxName();
    if (jmxName != null) {
      try {
        String name = new ObjectName(jmxName).getKeyProperty("name");
        return name != null ? name : jmxName;
      } catch (MalformedObjectNameException e) {
        return jmxName;
      }
    }
    return "BasicDataSource@" + Integer.toHexString(System.identityHashCode(dataSource));
  }
}
