package io.malar.agent.features.slowcalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallSiteFinderTest {
  private final CallSiteFinder finder = new CallSiteFinder(SkippedFrames.defaults());

  @Test
  void theFirstFrameBelowTheAgentTheDriverAndThePoolIsTheApplications() {
    CodeLocation at =
        finder.apply(
            Stream.of(
                frame("java.lang.StackStreamFactory$AbstractStackWalker", "doStackWalk", "StackStreamFactory.java", 410),
                frame("io.malar.agent.features.slowcalls.CallSiteFinder", "find", "CallSiteFinder.java", 22),
                frame("io.opentelemetry.sdk.trace.SdkSpan", "endInternal", "SdkSpan.java", 560),
                frame("io.malar.agent.instrumentation.jdbc.JdbcTracingHook", "executeEnd", "JdbcTracingHook.java", 104),
                frame("io.malar.agent.bridge.JdbcBridge", "executeEnd", "JdbcBridge.java", 40),
                frame("org.h2.jdbc.JdbcPreparedStatement", "executeQuery", "JdbcPreparedStatement.java", 130),
                frame("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeQuery", "ProxyPreparedStatement.java", 52),
                frame("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeQuery", "HikariProxyPreparedStatement.java", -1),
                frame("com.example.ledger.FarmerStatements", "monthly", "FarmerStatements.java", 42),
                frame("com.example.ledger.ReportServlet", "doGet", "ReportServlet.java", 17)));

    assertThat(at).hasToString("com.example.ledger.FarmerStatements.monthly(FarmerStatements.java:42)");
    assertThat(at.functionName()).isEqualTo("com.example.ledger.FarmerStatements.monthly");
    assertThat(at.filePath()).isEqualTo("com/example/ledger/FarmerStatements.java");
    assertThat(at.line()).isEqualTo(42);
  }

  @Test
  void jedisAndDataAccessFrameworksAreNotTheApplication() {
    CodeLocation at =
        finder.apply(
            Stream.of(
                frame("redis.clients.jedis.Connection", "executeCommand", "Connection.java", 200),
                frame("redis.clients.jedis.Jedis", "get", "Jedis.java", 4900),
                frame("org.springframework.jdbc.core.JdbcTemplate", "query", "JdbcTemplate.java", 733),
                frame("com.example.cache.FarmerCache$Loader", "load", "FarmerCache.java", 88)));

    assertThat(at).hasToString("com.example.cache.FarmerCache$Loader.load(FarmerCache.java:88)");
    assertThat(at.filePath()).isEqualTo("com/example/cache/FarmerCache.java");
  }

  @Test
  void theAgentsPackagesAreSkippedButNotAnApplicationThatSharesTheirPrefix() {
    CodeLocation at =
        finder.apply(
            Stream.of(
                frame("io.malar.agent.bootstrap.MalarAgent", "premain", "MalarAgent.java", 30),
                frame("io.malar.agent.core.AgentStarter", "start", "AgentStarter.java", 40),
                frame("io.malar.agent.tests.apps.SlowCallsApp", "monthlyReport", "SlowCallsApp.java", 60)));

    assertThat(at).hasToString("io.malar.agent.tests.apps.SlowCallsApp.monthlyReport(SlowCallsApp.java:60)");
  }

  @Test
  void aStackOfLibrariesOnlyHasNoApplicationFrame() {
    assertThat(finder.apply(Stream.of(frame("org.postgresql.jdbc.PgStatement", "execute", "PgStatement.java", 10)))).isNull();
  }

  @Test
  void withoutDebugInformationTheFrameSaysSo() {
    CodeLocation at = finder.apply(Stream.of(frame("app.Main", "run", null, -1)));
    assertThat(at).hasToString("app.Main.run(Unknown Source)");
    assertThat(at.filePath()).isNull();
  }

  private static StackWalker.StackFrame frame(String className, String method, String file, int line) {
    return new StackWalker.StackFrame() {
      @Override
      public String getClassName() {
        return className;
      }

      @Override
      public String getMethodName() {
        return method;
      }

      @Override
      public Class<?> getDeclaringClass() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int getByteCodeIndex() {
        return 0;
      }

      @Override
      public String getFileName() {
        return file;
      }

      @Override
      public int getLineNumber() {
        return line;
      }

      @Override
      public boolean isNativeMethod() {
        return false;
      }

      @Override
      public StackTraceElement toStackTraceElement() {
        return new StackTraceElement(className, method, file, line);
      }

      @Override
      public MethodType getMethodType() {
        throw new UnsupportedOperationException();
      }

      @Override
      public String getDescriptor() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
