package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolHelper;
import io.malar.agent.bridge.PoolHook;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.core.instrument.HelperClassLoader;

/**
 * Hands each pool to the helper of its library, defined next to that library (pools start rarely:
 * one small helper loader per pool, owned by the pool, is collected with it).
 */
final class PoolMetricsHook implements PoolHook {
  private static final String HELPERS = "io.malar.agent.instrumentation.pools.";

  private final PoolListener pools;

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
    helper(configured, helper).attach(pool, owner, pools);
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
