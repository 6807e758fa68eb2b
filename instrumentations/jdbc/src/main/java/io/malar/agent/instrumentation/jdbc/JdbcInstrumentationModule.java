package io.malar.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.malar.agent.bridge.JdbcBridge;
import io.malar.agent.core.binds.CallBinds;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for JDBC: every driver and pool implements {@code java.sql.Connection} and {@code
 * Statement}, which every class loader sees, so no version fence is needed.
 */
public final class JdbcInstrumentationModule implements InstrumentationModule {
  private static final String ADVICE = "io.malar.agent.instrumentation.jdbc.";

  private boolean captureBinds;

  /** The module as the agent finds it; {@link #install} reads whether binds are captured. */
  public JdbcInstrumentationModule() {}

  JdbcInstrumentationModule(boolean captureBinds) {
    this.captureBinds = captureBinds;
  }

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public String description() {
    return "client spans for any JDBC 4 driver (H2, PostgreSQL, MariaDB, MySQL, ...) and pool (HikariCP, ...)";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    List<TypeInstrumentation> types = new ArrayList<>();
    types.add(connections());
    types.add(statements());
    if (captureBinds) {
      types.add(parameterSetters());
    }
    return types;
  }

  private static TypeInstrumentation connections() {
    return TypeInstrumentation.forSubtypesOf("java.sql.Connection").where(not(isInterface()))
        .advise(
            jdbcMethod("prepareStatement", "prepareCall").and(takesArgument(0, String.class)),
            ADVICE + "PrepareStatementAdvice")
        .advise(jdbcMethod("createStatement"), ADVICE + "CreateStatementAdvice")
        .build();
  }

  private static TypeInstrumentation statements() {
    // PreparedStatement and CallableStatement are Statements too
    return TypeInstrumentation.forSubtypesOf("java.sql.Statement").where(not(isInterface()))
        .advise(
            jdbcMethod("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
                .and(takesNoArguments().or(takesArgument(0, String.class))),
            ADVICE + "ExecuteAdvice")
        .advise(
            jdbcMethod("executeBatch", "executeLargeBatch").and(takesNoArguments()),
            ADVICE + "ExecuteBatchAdvice")
        .advise(
            jdbcMethod("addBatch").and(takesNoArguments().or(takesArguments(String.class))),
            ADVICE + "AddBatchAdvice")
        .build();
  }

  /** Bind values, when captured; {@code setXxx(String name, ...)} of callable statements are not. */
  private static TypeInstrumentation parameterSetters() {
    return TypeInstrumentation.forSubtypesOf("java.sql.PreparedStatement").where(not(isInterface()))
        .advise(
            jdbcMethod("setNull").and(takesArgument(0, int.class)).and(takesArgument(1, int.class)),
            ADVICE + "SetNullAdvice")
        .advise(
            isPublic()
                .and(not(isStatic()))
                .and(not(isBridge()))
                .and(nameStartsWith("set"))
                .and(not(named("setNull")))
                .and(takesArgument(0, int.class))
                .and(not(takesArguments(1))),
            ADVICE + "SetParameterAdvice")
        .advise(jdbcMethod("clearParameters").and(takesNoArguments()), ADVICE + "ClearParametersAdvice")
        .build();
  }

  /** Public instance methods; a compiler's bridge method only forwards to the advised one. */
  private static ElementMatcher.Junction<MethodDescription> jdbcMethod(String... names) {
    return isPublic().and(not(isStatic())).and(not(isBridge())).and(namedOneOf(names));
  }

  @Override
  public void install(AgentContext context) {
    captureBinds = context.config().bool(CallBinds.CAPTURE);
    JdbcBridge.install(new JdbcTracingHook(context.tracer(name()), captureBinds));
  }
}
