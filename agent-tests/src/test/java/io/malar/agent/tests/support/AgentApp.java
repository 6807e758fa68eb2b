package io.malar.agent.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.malar.otlp.receiver.OtlpReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A test application in a child JVM, started with {@code -javaagent:} the built agent jar and
 * exporting to an in-test OTLP receiver. Its output is collected; it is ready once it printed
 * {@code READY} on stdout and, when the agent is on, the agent's start-up line on stderr.
 */
public final class AgentApp implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final String mainClassName;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();

  private AgentApp(Process process, String mainClassName) {
    this.process = process;
    this.mainClassName = mainClassName;
    pump(process.getInputStream(), stdout, "stdout");
    pump(process.getErrorStream(), stderr, "stderr");
  }

  public static Builder main(Class<?> mainClass) {
    return new Builder(mainClass);
  }

  /** The JVM the child applications run on: Java 17 by default, Temurin 25 in the second run. */
  public static Path javaExecutable() {
    String home = System.getProperty("malar.test.java.home");
    if (home == null || home.isEmpty()) {
      return Path.of(System.getProperty("java.home"), "bin", "java");
    }
    Path java = Path.of(home, "bin", "java");
    if (!Files.isExecutable(java)) {
      String message = "no JDK at " + home + " (set java25.home to run the agent tests on Java 25)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      assumeTrue(false, message);
    }
    return java;
  }

  /** The default service.name the agent derives: the main class's simple name. */
  /** The feature version (17, 25...) of {@link #javaExecutable()}, as its release file says. */
  public static String javaFeatureVersion() throws IOException {
    Path release = javaExecutable().getParent().getParent().resolve("release");
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=")) {
        return line.substring("JAVA_VERSION=".length()).replace("\"", "").split("\\.")[0];
      }
    }
    throw new IllegalStateException("no JAVA_VERSION in " + release);
  }

  /** The built agent jar, {@code agent/target/malar-agent.jar}. */
  public static String agentJar() {
    Path jar = Path.of(System.getProperty("malar.agent.jar", "../agent/target/malar-agent.jar")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the agent jar is missing at " + jar + ": build it with mvn -B verify from the root");
    }
    return jar.toString();
  }

  public String mainClassName() {
    return mainClassName;
  }

  public String stdout() {
    return stdout.toString();
  }

  public String stderr() {
    return stderr.toString();
  }

  /** The value the application printed after {@code READY }, e.g. its HTTP port. */
  public String readyValue() {
    for (String line : stdout().split("\n")) {
      if (line.startsWith("READY")) {
        return line.substring("READY".length()).trim();
      }
    }
    throw new IllegalStateException("the application did not print READY");
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return Integer.parseInt(readyValue());
  }

  /** Waits for the application to exit on its own and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the application did not exit within " + timeout + "\n" + output());
    }
    return process.exitValue();
  }

  /** The first line on stderr that contains every marker; fails if none comes within {@code timeout}. */
  public String awaitStderrLine(Duration timeout, String... markers) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : stderr().split("\n")) {
        if (Arrays.stream(markers).allMatch(line::contains)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line with " + String.join(" and ", markers) + "\n" + output());
  }

  /** Lines the agent logged at ERROR level: suppressed advice errors fail the agent's tests. */
  public List<String> agentErrors() {
    List<String> errors = new ArrayList<>();
    for (String line : stderr().split("\n")) {
      if (line.contains("\"logger\":\"malar-agent\"") && line.contains("\"level\":\"ERROR\"")) {
        errors.add(line);
      }
    }
    return errors;
  }

  public String output() {
    return "--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
  }

  /** Stops the application; with a normal exit so the agent flushes what it still holds. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void awaitReady(boolean agentAttached) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean appReady = stdout().contains("READY");
      boolean agentReady = !agentAttached || stderr().contains("malar-agent started") || stderr().contains("malar-agent is disabled");
      if (appReady && agentReady) {
        return;
      }
      if (!process.isAlive() && !appReady) {
        Thread.sleep(200); // let the pumps drain
        throw new IllegalStateException("the application exited with " + process.exitValue() + " before it was ready\n" + output());
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the application was not ready within " + START_TIMEOUT + "\n" + output());
  }

  /** Reads a child process's output to its end on a daemon thread, line by line into {@code into}. */
  static void pump(InputStream in, StringBuffer into, String name) {
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  into.append(line).append('\n');
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "child-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** How to start one application. */
  public static final class Builder {
    private final Class<?> mainClass;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> replacedJars = new LinkedHashMap<>();
    private final List<String> addedJars = new ArrayList<>();
    private boolean agent = true;
    private boolean waitForReady = true;

    private Builder(Class<?> mainClass) {
      this.mainClass = mainClass;
      properties.put("otel.bsp.schedule.delay", "100");
    }

    public Builder exportingTo(OtlpReceiver receiver) {
      properties.put("otel.exporter.otlp.endpoint", receiver.endpoint());
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder args(String... values) {
      args.addAll(List.of(values));
      return this;
    }

    /** Puts {@code replacement} on the class path in place of the jar whose name starts with {@code jarNamePrefix}. */
    public Builder replacingJar(String jarNamePrefix, String replacement) {
      replacedJars.put(jarNamePrefix, replacement);
      return this;
    }

    /** Puts {@code jar} at the end of the class path. */
    public Builder addingJar(String jar) {
      addedJars.add(jar);
      return this;
    }

    public Builder withoutAgent() {
      agent = false;
      return this;
    }

    /** For applications that run to completion instead of serving. */
    public Builder withoutWaiting() {
      waitForReady = false;
      return this;
    }

    public AgentApp start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(javaExecutable().toString());
      command.add("-Xshare:auto");
      if (agent) {
        command.add("-javaagent:" + agentJar());
      }
      for (Map.Entry<String, String> property : properties.entrySet()) {
        command.add("-D" + property.getKey() + "=" + property.getValue());
      }
      command.add("-cp");
      command.add(classPath());
      command.add(mainClass.getName());
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      AgentApp app = new AgentApp(builder.start(), mainClass.getSimpleName());
      if (waitForReady) {
        try {
          app.awaitReady(agent);
        } catch (IllegalStateException | InterruptedException e) {
          app.close(); // a child that never became ready must not outlive the test
          throw e;
        }
      }
      return app;
    }

    private String classPath() {
      List<String> entries = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        String name = Path.of(entry).getFileName().toString();
        String replacement = entry;
        for (Map.Entry<String, String> replaced : replacedJars.entrySet()) {
          if (name.startsWith(replaced.getKey())) {
            replacement = replaced.getValue();
          }
        }
        entries.add(replacement);
      }
      entries.addAll(addedJars);
      return String.join(java.io.File.pathSeparator, entries);
    }

  }
}
