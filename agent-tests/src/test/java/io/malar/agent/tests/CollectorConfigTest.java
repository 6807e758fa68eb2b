package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.support.BackendStack;
import io.malar.agent.tests.support.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shipped files of otel-collector-config/ as the real programs read them, without starting them. */
class CollectorConfigTest {

  @Test
  void promtoolAcceptsThePrometheusFilesAndTheRulesPassTheirTests() throws Exception {
    Services.requireProgram("promtool", ".ci/services installs Debian's prometheus package");
    String output = BackendStack.script("test-rules.sh", Map.of());
    assertThat(output).contains("0 failed").doesNotContain("FAILED");
  }

  @Test
  void theCollectorAndJaegerValidateTheirConfigurations() throws Exception {
    Map<String, Path> executables = BackendStack.executables();
    assertThat(validate(executables.get("MALAR_OTELCOL"), "collector.yaml")).isEmpty();
    assertThat(validate(executables.get("MALAR_JAEGER"), "jaeger.yaml")).isEmpty();
  }

  /** What {@code validate} printed when it refused the file, else nothing. */
  private static String validate(Path executable, String config) throws Exception {
    Process process = new ProcessBuilder(executable.toString(), "validate", "--config",
        BackendStack.configDir().resolve(config).toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 ? "" : executable.getFileName() + " refused " + config + ":\n" + output;
  }
}
