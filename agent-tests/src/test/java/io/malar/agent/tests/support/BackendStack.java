package io.malar.agent.tests.support;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real backends of otel-collector-config/ on 127.0.0.1, run by its run-stack.sh: the
 * OpenTelemetry Collector and Jaeger built from their Go modules, and Debian's Prometheus. Absent
 * Go or Prometheus, a test using it is skipped with a message, except under CI=true.
 */
public final class BackendStack implements AutoCloseable {
  public static final int OTLP_HTTP_PORT = 4318;
  public static final int JAEGER_QUERY_PORT = 16686;
  public static final int PROMETHEUS_PORT = 9090;

  private final Path runDir;

  private BackendStack(Path runDir) {
    this.runDir = runDir;
  }

  /** Builds what is missing (once per machine) and starts the collector, Jaeger and Prometheus. */
  public static BackendStack start(Path runDir) throws IOException, InterruptedException {
    Services.requireProgram("go", "Go builds the collector and Jaeger");
    Services.requireProgram("prometheus", ".ci/services installs Debian's prometheus package");
    BackendStack stack = new BackendStack(runDir);
    stack.run("start");
    return stack;
  }

  /**
   * The collector's and Jaeger's executables, built by build-stack.sh when missing, by name
   * ({@code MALAR_OTELCOL}, {@code MALAR_JAEGER}).
   */
  public static Map<String, Path> executables() throws IOException, InterruptedException {
    Services.requireProgram("go", "Go builds the collector and Jaeger");
    Map<String, Path> executables = new HashMap<>();
    for (String line : script("build-stack.sh", Map.of()).split("\n")) {
      int equals = line.indexOf('=');
      if (line.startsWith("MALAR_") && equals > 0) {
        executables.put(line.substring(0, equals), Path.of(line.substring(equals + 1)));
      }
    }
    return executables;
  }

  /** The folder of the shipped files: collector.yaml, prometheus.yml, the dashboard... */
  public static Path configDir() {
    return Path.of(AgentApp.agentJar()).getParent().getParent().getParent().resolve("otel-collector-config");
  }

  public void stopCollector() throws IOException, InterruptedException {
    run("stop", "collector");
  }

  public void startCollector() throws IOException, InterruptedException {
    run("start", "collector");
  }

  /** The last lines of a component's log, for a failure message. */
  public String log(String component) {
    try {
      List<String> lines = Files.readAllLines(runDir.resolve(component + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "no log for " + component + ": " + e;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("stop");
  }

  private void run(String... arguments) throws IOException, InterruptedException {
    script("run-stack.sh", Map.of("MALAR_STACK_RUN", runDir.toString()), arguments);
  }

  /** Runs a script of otel-collector-config/ and returns its standard output; fails with all it printed. */
  public static String script(String name, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", configDir().resolve(name).toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a first build of the collector and Jaeger takes minutes on two cores
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(name + " " + String.join(" ", arguments) + " failed:\n" + output);
    }
    return output;
  }
}
