package io.malar.agent.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a JVM after a full GC ({@code jcmd PID GC.class_histogram}): instances and
 * shallow bytes per class, and the sum over the agent's own classes and libraries. A full GC and
 * a second's pause come first, so that the agent's weak maps have dropped the entries of the keys
 * collected so far (their cleaner thread removes them after each GC): the census counts the
 * entries the agent keeps, not those the census's own GC has only just cleared.
 */
public final class HeapCensus {
  /** The agent's classes and the libraries only it brings into an application like the ledger. */
  private static final Pattern AGENT_CLASSES =
      Pattern.compile("^(io\\.malar\\.agent|io\\.opentelemetry|org\\.HdrHistogram|okhttp3|okio|kotlin|net\\.bytebuddy)\\..*");
  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

  private final Map<String, long[]> rows;

  private HeapCensus(Map<String, long[]> rows) {
    this.rows = rows;
  }

  /** Runs jcmd of the JDK the tests launch applications with against {@code pid}. */
  public static HeapCensus of(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Thread.sleep(1000);
    String output = jcmd(pid, "GC.class_histogram");
    Map<String, long[]> rows = new HashMap<>();
    for (String line : output.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        // a class loaded by two loaders has two rows
        rows.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no class histogram in jcmd's output:\n" + output);
    }
    return new HeapCensus(rows);
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = AgentApp.javaExecutable().resolveSibling("jcmd").toString();
    Process process = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed:\n" + output);
    }
    return output;
  }

  public long instances(String className) {
    return rows.getOrDefault(className, new long[2])[0];
  }

  /** Shallow bytes of the agent's own objects (their arrays of primitives not included). */
  public long agentBytes() {
    long total = 0;
    for (Map.Entry<String, long[]> row : rows.entrySet()) {
      if (isAgents(row.getKey())) {
        total += row.getValue()[1];
      }
    }
    return total;
  }

  /** The agent's classes whose bytes grew most since {@code earlier}, for failure messages. */
  public String grownMost(HeapCensus earlier) {
    StringBuilder text = new StringBuilder();
    rows.entrySet().stream()
        .filter(row -> isAgents(row.getKey()))
        .sorted(Comparator.comparingLong(row -> earlier.bytes(row.getKey()) - row.getValue()[1]))
        .limit(8)
        .forEach(row -> text.append(String.format(Locale.ROOT, "%n  %s %+d instances, %+d bytes", row.getKey(),
            row.getValue()[0] - earlier.instances(row.getKey()), row.getValue()[1] - earlier.bytes(row.getKey()))));
    return text.toString();
  }

  private long bytes(String className) {
    return rows.getOrDefault(className, new long[2])[1];
  }

  private static boolean isAgents(String className) {
    return AGENT_CLASSES.matcher(className).matches();
  }

  /** Bytes of every live object. */
  public long totalBytes() {
    return rows.values().stream().mapToLong(row -> row[1]).sum();
  }
}
