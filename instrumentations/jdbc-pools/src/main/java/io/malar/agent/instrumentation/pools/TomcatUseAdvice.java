package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolBridge;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.asm.Advice;
import org.apache.tomcat.jdbc.pool.PooledConnection;

/**
 * Inlined into Tomcat JDBC's {@code ConnectionPool.returnConnection}: the connection's timestamp is
 * when it was borrowed (milliseconds, as the pool keeps it).
 */
public final class TomcatUseAdvice {
  private TomcatUseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object pool, @Advice.Argument(0) PooledConnection connection) {
    if (connection != null) {
      PoolBridge.connectionUsed(pool, TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - connection.getTimestamp()));
    }
  }
}
