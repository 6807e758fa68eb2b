package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolHelper;
import io.malar.agent.bridge.PoolHook;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.core.instrument.HelperClassLoader;
import io.malar.agent.core.util.WeakIdentityMap;

/**
 * Hands each pool to the helper of its library, defined next to that library (pools start rarely:
 * one small helper loader per pool, owned by the pool, is collected with it), and the durations
 * the advice times to the pool's gauges.
 */
final class PoolMetricsHook implements PoolHook {
  private static final String HELPERS = "io.malar.agent.instrumentation.pools.";

  private final PoolListener pools;
  // the gauges hold their pool weakly, so an entry goes with its pool
  private final WeakIdentityMap<Object, PoolGauges> started = new WeakIdentityMap<>();

  PoolMetricsHook(PoolListener pools) {
    this.pools = pools;
  }

  @Override
  public Object hikariTrackerFactory(Object pool, Object applicationFactory) {
    return helper(pool, "hikari.HikariHelper").attach(pool, applicationFactory, pools);
  }

  @Override
  public void poolStarted(String library, Object pool, Object owner) {
    Object configured = owner != null ? owner : pool;
    String helper = library.equals("dbcp2") ? "dbcp2.Dbcp2Helper" : "tomcat.TomcatHelper";
    started.put(pool, (PoolGauges) helper(configured, helper).attach(pool, owner, pools));
  }

  @Override
  public void connectionWaited(Object pool, long nanos) {
    PoolGauges gauges = started.get(pool);
    if (gauges != null) {
      pools.waited(gauges, nanos);
    }
  }

  @Override
  public void connectionUsed(Object pool, long nanos) {
    PoolGauges gauges = started.get(pool);
    if (gauges != null) {
      pools.used(gauges, nanos);
    }
  }

  private static PoolHelper helper(Object libraryObject, String helperName) {
    String helperPackage = HELPERS + helperName.substring(0, helperName.indexOf('.') + 1);
    try {
      return HelperClassLoader.create(
          libraryObject.getClass().getClassLoader(), helperPackage, HELPERS + helperName, PoolHelper.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the pool helper " + helperName, e);
    }
  }
}
