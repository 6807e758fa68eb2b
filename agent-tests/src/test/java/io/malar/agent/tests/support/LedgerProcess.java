package io.malar.agent.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Malar Market ledger (demo-ledger-app/target/malar-ledger.jar, a fresh seeded H2 database and
 * its own redis-server) in a child JVM under the built agent, with the given JVM options.
 */
public final class LedgerProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer stderr = new StringBuffer();
  private final int port;

  private LedgerProcess(Process process) throws IOException {
    this.process = process;
    AgentApp.pump(process.getErrorStream(), stderr, "ledger-stderr");
    this.port = awaitReady();
  }

  public static LedgerProcess start(Path dataDir, String... jvmOptions) throws IOException {
    Path ledgerJar = ledgerJar();
    List<String> command = new ArrayList<>();
    command.add(AgentApp.javaExecutable().toString());
    command.add("-javaagent:" + AgentApp.agentJar());
    command.addAll(List.of(jvmOptions));
    command.add("-jar");
    command.add(ledgerJar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LEDGER_PORT", "0");
    builder.environment().put("LEDGER_DATA_DIR", dataDir.toString());
    return new LedgerProcess(builder.start());
  }

  /** demo-ledger-app/target/malar-ledger.jar, beside the agent jar's module. */
  public static Path ledgerJar() {
    Path jar = Path.of(AgentApp.agentJar()).getParent().getParent().getParent().resolve("demo-ledger-app/target/malar-ledger.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the ledger jar is missing at " + jar + ": build it with mvn -B verify from the root");
    }
    return jar;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Everything the ledger and the agent wrote on stderr so far. */
  public String stderr() {
    return stderr.toString();
  }

  /** Stops the ledger with SIGTERM, so the agent flushes; true when it ended within 30 s. */
  public boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (!stop()) {
      process.destroyForcibly();
    }
  }

  /** The ledger prints {@code READY <port>} once it serves; its output is read to the end meanwhile. */
  private int awaitReady() throws IOException {
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader stdout = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = stdout.readLine()) != null) {
          if (line.startsWith("READY ")) {
            ready.complete(Integer.parseInt(line.substring("READY ".length()).trim()));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      ready.completeExceptionally(new IllegalStateException("the ledger exited before it was ready"));
    }, "ledger-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(90, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      process.destroyForcibly();
      throw new IOException("the ledger did not start: " + e + "\n" + stderr, e);
    }
  }
}
