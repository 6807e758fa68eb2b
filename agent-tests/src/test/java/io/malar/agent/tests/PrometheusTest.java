package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LatencyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's package; .ci/services installs it) scrapes
 * the agent's endpoint, answers a PromQL query for a route's p99, and promtool accepts the exposition.
 */
class PrometheusTest {
  private static final String PROMETHEUS_PACKAGE = ".ci/services installs Debian's prometheus package";
  private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

  @TempDir Path dir;

  @Test
  void prometheusScrapesTheAgentAndAnswersForTheP99OfARoute() throws Exception {
    Path prometheus = Services.requireProgram("prometheus", PROMETHEUS_PACKAGE);
    Path promtool = Services.requireProgram("promtool", PROMETHEUS_PACKAGE);
    int agentPort = Services.freePort();
    int prometheusPort = Services.freePort();
    AtomicBoolean traffic = new AtomicBoolean(true);
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(LatencyApp.class)
                .exportingTo(receiver)
                .property("otel.metric.export.interval", "1000")
                .property("malar.agent.prometheus.port", Integer.toString(agentPort))
                .start()) {
      assertThat(app.stderr()).contains("http://127.0.0.1:" + agentPort + "/metrics");
      AtomicInteger served = new AtomicInteger();
      Thread requests =
          new Thread(
              () -> {
                while (traffic.get()) {
                  try {
                    Http.get(app.port(), "/slow");
                    served.incrementAndGet();
                  } catch (IOException e) {
                    // a slow machine; the next request may pass
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      requests.setDaemon(true);
      requests.start();

      Process server = startPrometheus(prometheus, agentPort, prometheusPort);
      try {
        String query = "malar_http_server_latency_seconds{http_route=\"/slow\",quantile=\"0.99\"}";
        String answer = awaitSeries(prometheusPort, query, () -> "requests served: " + served.get() + "\n" + scrape(agentPort));
        Matcher value = VALUE.matcher(answer);
        assertThat(value.find()).as(answer).isTrue();
        assertThat(Double.parseDouble(value.group(1))).isBetween(0.2, 1.0);
        assertThat(answer).contains("\"job\":\"malar-agent\"", "\"http_request_method\":\"GET\"", "\"http_response_status_class\":\"2xx\"");
      } finally {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }

      Path exposition = dir.resolve("exposition.txt");
      Files.writeString(exposition, Http.get(agentPort, "/metrics").body());
      assertThat(Files.readString(exposition)).contains("quantile=\"0.99\"", "malar_latency_refused_total");
      Process check =
          new ProcessBuilder(promtool.toString(), "check", "metrics")
              .redirectInput(exposition.toFile())
              .redirectErrorStream(true)
              .start();
      String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor()).as(checkOutput).isZero();
    } finally {
      traffic.set(false);
    }
  }

  /**
   * Scrapers that stall inside the agent's JVM: one connects and never sends, one sends half a
   * request, one never reads its answer, and 40 more of those: a scrape still gets its 200.
   */
  @Test
  void stalledScrapersDoNotHoldUpAScrape() throws Exception {
    int agentPort = Services.freePort();
    List<Socket> stalled = new ArrayList<>();
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(LatencyApp.class)
                .exportingTo(receiver)
                .property("malar.agent.prometheus.port", Integer.toString(agentPort))
                .start()) {
      Http.get(app.port(), "/slow");
      for (int i = 0; i < 42; i++) {
        stalled.add(stall(agentPort, i % 3));
      }

      HttpResponse<String> scrape = Http.get(agentPort, "/metrics");

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("malar_latency_refused_total");
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  /** 0: never sends; 1: sends half a request head; 2: sends a request and never reads. */
  private static Socket stall(int port, int how) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(1024);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    String sent = how == 0 ? "" : how == 1 ? "GET /metrics HTTP/1.1\r\n" : "GET /metrics HTTP/1.1\r\n\r\n";
    try {
      socket.getOutputStream().write(sent.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException refused) {
      // beyond its bound the endpoint closes the oldest connection, maybe this one
    }
    return socket;
  }

  private Process startPrometheus(Path prometheus, int agentPort, int prometheusPort) throws IOException {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n"
            + "  scrape_interval: 1s\n"
            + "scrape_configs:\n"
            + "  - job_name: malar-agent\n"
            + "    static_configs:\n"
            + "      - targets: ['127.0.0.1:" + agentPort + "']\n");
    return new ProcessBuilder(
            prometheus.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
  }

  private String awaitSeries(int prometheusPort, String query, Supplier<String> diagnostics) throws Exception {
    String path = "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = Http.get(prometheusPort, path).body();
        if (last.contains("\"value\"")) {
          return last;
        }
      } catch (IOException notYetListening) {
        last = String.valueOf(notYetListening);
      }
      Thread.sleep(500);
    }
    String targets = Http.get(prometheusPort, "/api/v1/targets").body();
    throw new AssertionError(
        "Prometheus has no series for " + query + ": " + last + "\ntargets: " + targets + "\n" + diagnostics.get()
            + "\n" + Files.readString(dir.resolve("prometheus.log")));
  }

  private static String scrape(int agentPort) {
    try {
      return Http.get(agentPort, "/metrics").body();
    } catch (IOException | InterruptedException e) {
      return "the agent's endpoint did not answer: " + e;
    }
  }
}
