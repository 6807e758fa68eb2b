package io.malar.agent.features.sentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.malar.agent.benchmarks.DiscardingSpanExporter;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.errors.FailedRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a failed request costs the application thread with Sentry up, refusing connections,
 * hanging, or answering 503 after 2 s, against no Sentry at all: the request's server span, two
 * database calls (the breadcrumbs), a new exception and the agent's capture, as the servlet
 * instrumentation runs them. Every request is a new exception and the rate limit is off, so every
 * one is built and handed to the SDK's queue. {@link #succeededRequest} is the same request without
 * the failure: what Sentry being on costs every request.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SentryOutageBenchmark {
  @Param({"no-sentry", "sentry-up", "sentry-refusing", "sentry-hanging", "sentry-503-after-2s"})
  public String sentry;

  private HttpServer endpoint;
  private ExecutorService endpointThreads;
  private final CountDownLatch release = new CountDownLatch(1);
  private SdkTracerProvider provider;
  private Tracer tracer;
  private SentryErrorReporter reporter;
  private io.sentry.SentryClient client;
  private final FailedRequest request = new LedgerRequest();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // the agent's pipeline: spans are batched for export (here discarded)
    SdkTracerProviderBuilder builder =
        SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build());
    if (sentry.equals("no-sentry")) {
      provider = builder.build();
      tracer = provider.get("benchmark");
      return;
    }
    RecentClientCalls calls = new RecentClientCalls();
    provider = builder.addSpanProcessor(calls).build();
    tracer = provider.get("benchmark");
    System.setProperty("malar.agent.sentry.dsn", "http://key@127.0.0.1:" + endpointPort() + "/1");
    System.setProperty("malar.agent.sentry.rate-limit", Integer.toString(Integer.MAX_VALUE));
    SentryConfig config = SentryConfig.read(AgentConfig.load(problem -> {}), Collections.emptyMap(), Resource.empty());
    DroppedEvents dropped = new DroppedEvents(OpenTelemetry.noop().getMeter("benchmark"));
    client = SentryClients.create(config, dropped);
    reporter =
        new SentryErrorReporter(
            client,
            new ErrorEvents(new SafeHeaders(config.headers), false),
            calls,
            new EventRateLimiter(config.eventsPerMinute, TimeUnit.MINUTES.toNanos(1), System::nanoTime),
            dropped,
            true);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    release.countDown();
    if (client != null) {
      client.close(true);
    }
    if (endpoint != null) {
      endpoint.stop(0);
      endpointThreads.shutdownNow();
    }
    provider.close();
  }

  /** A request that succeeds: with Sentry on, only the breadcrumb bookkeeping is added. */
  @Benchmark
  public Span succeededRequest() {
    Span server = tracer.spanBuilder("GET /api/v1/settlements/*").setSpanKind(SpanKind.SERVER).startSpan();
    Context inRequest = Context.root().with(server);
    databaseCall(inRequest, "SELECT id, name FROM malar_farmers WHERE id = ?");
    databaseCall(inRequest, "UPDATE malar_settlements SET paid = ? WHERE id = ?");
    server.end();
    return server;
  }

  @Benchmark
  public Span failedRequest() {
    Span server = tracer.spanBuilder("GET /api/v1/settlements/*").setSpanKind(SpanKind.SERVER).startSpan();
    Context inRequest = Context.root().with(server);
    databaseCall(inRequest, "SELECT id, name FROM malar_farmers WHERE id = ?");
    databaseCall(inRequest, "UPDATE malar_settlements SET paid = ? WHERE id = ?");
    IllegalStateException thrown = new IllegalStateException("settlement total does not balance");
    if (reporter != null) {
      reporter.requestFailed(server, request, 500, thrown);
    }
    server.end();
    return server;
  }

  private void databaseCall(Context parent, String statement) {
    tracer
        .spanBuilder(statement.substring(0, statement.indexOf(' ')))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute("db.system.name", "postgresql")
        .setAttribute("db.query.text", statement)
        .startSpan()
        .end();
  }

  /** A port for the mode: a local endpoint that answers, hangs or fails slowly, or a closed port. */
  private int endpointPort() throws IOException {
    if (sentry.equals("sentry-refusing")) {
      try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return closed.getLocalPort();
      }
    }
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpointThreads = Executors.newCachedThreadPool();
    endpoint.setExecutor(endpointThreads);
    endpoint.createContext("/", this::answer);
    endpoint.start();
    return endpoint.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      int status = 200;
      if (sentry.equals("sentry-hanging")) {
        release.await();
      } else if (sentry.equals("sentry-503-after-2s")) {
        release.await(2, TimeUnit.SECONDS);
        status = 503;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request as the servlet instrumentation describes a failed one. */
  private static final class LedgerRequest implements FailedRequest {
    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String route() {
      return "/api/v1/settlements/*";
    }

    @Override
    public String url() {
      return "http://127.0.0.1:8080/api/v1/settlements/42";
    }

    @Override
    public String query() {
      return "page=2";
    }

    @Override
    public String header(String name) {
      return name.equals("User-Agent") ? "ledger-client/1.0" : null;
    }

    @Override
    public String clientAddress() {
      return "127.0.0.1";
    }

    @Override
    public String remoteUser() {
      return "farmer-anbu";
    }
  }
}
