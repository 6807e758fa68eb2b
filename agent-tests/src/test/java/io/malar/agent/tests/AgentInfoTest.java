package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.support.AgentApp;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar malar-agent.jar} explains the agent. */
class AgentInfoTest {
  @Test
  void printsVersionInstrumentationsAndEverySetting() throws Exception {
    Process process =
        new ProcessBuilder(AgentApp.javaExecutable().toString(), "-jar", AgentApp.agentJar())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    assertThat(output).startsWith("malar-agent " + System.getProperty("malar.agent.version"));
    assertThat(output)
        .contains("  executors ", "  jaxrs ", "  jdbc ", "  jdbc-pools ", "  jedis ", "  lettuce ", "  opentelemetry-api ", "  servlet ", "  spring-mvc ")
        .contains("malar.agent.enabled (MALAR_AGENT_ENABLED)", "malar.agent.config.file", "malar.agent.startup")
        .contains(
            "malar.agent.instrumentation.jdbc.enabled (MALAR_AGENT_INSTRUMENTATION_JDBC_ENABLED)",
            "malar.agent.instrumentation.jedis.enabled",
            "malar.agent.instrumentation.lettuce.enabled",
            "malar.agent.instrumentation.servlet.enabled",
            "malar.agent.pool-metrics.enabled (MALAR_AGENT_POOL_METRICS_ENABLED)",
            "malar.agent.opentelemetry-api.enabled (MALAR_AGENT_OPENTELEMETRY_API_ENABLED)")
        .contains("OTEL_EXPORTER_OTLP_ENDPOINT");
  }
}
