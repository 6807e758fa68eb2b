package io.malar.agent.instrumentation.pools;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.PoolBridge;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import io.malar.agent.core.pools.ConnectionPools;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds connection pools as they start, so their state can be read when metrics are exported:
 * HikariCP through the metrics tracker it is given (the application's, if any, still gets every
 * call; the pool times waits and uses itself), Apache DBCP2 and Tomcat JDBC through their pool
 * objects, with the waits timed around their borrowing method and Tomcat's uses from the borrow
 * time each pooled connection keeps. Nothing is wrapped around the connections.
 */
public final class PoolsInstrumentationModule implements InstrumentationModule {
  private static final String ADVICE = "io.malar.agent.instrumentation.pools.";

  private boolean metricsEnabled = true;

  @Override
  public String name() {
    return "jdbc-pools";
  }

  @Override
  public String description() {
    return "connection-pool state and wait/use times for HikariCP 4.x-7.x, Apache DBCP2 2.x and Tomcat JDBC";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    if (!metricsEnabled) {
      return Collections.emptyList();
    }
    return Arrays.asList(hikari(), dbcp2(), tomcatJdbc());
  }

  /** Every way a HikariCP pool gets its tracker (its constructor, a registry set later) ends here. */
  private static TypeInstrumentation hikari() {
    return TypeInstrumentation.forNames("com.zaxxer.hikari.pool.HikariPool")
        .requiring("com.zaxxer.hikari.metrics.MetricsTrackerFactory", "com.zaxxer.hikari.metrics.PoolStats")
        .advise(named("setMetricsTrackerFactory").and(takesArguments(1)), ADVICE + "HikariTrackerAdvice")
        .build();
  }

  private static TypeInstrumentation dbcp2() {
    return TypeInstrumentation.forNames("org.apache.commons.dbcp2.BasicDataSource")
        .requiring("org.apache.commons.pool2.impl.GenericObjectPool")
        .advise(named("createConnectionPool").and(takesArguments(1)), ADVICE + "Dbcp2PoolAdvice")
        .advise(named("getConnection").and(takesArguments(0)), ADVICE + "Dbcp2WaitAdvice")
        .build();
  }

  private static TypeInstrumentation tomcatJdbc() {
    return TypeInstrumentation.forNames("org.apache.tomcat.jdbc.pool.ConnectionPool")
        .advise(isConstructor().and(takesArguments(1)), ADVICE + "TomcatPoolAdvice")
        .advise(named("borrowConnection").and(takesArguments(3)), ADVICE + "TomcatWaitAdvice")
        .advise(named("returnConnection").and(takesArguments(1)), ADVICE + "TomcatUseAdvice")
        .build();
  }

  @Override
  public void install(AgentContext context) {
    metricsEnabled = context.config().bool(ConnectionPools.METRICS_ENABLED);
    PoolBridge.install(new PoolMetricsHook(ConnectionPools.shared()));
  }
}
