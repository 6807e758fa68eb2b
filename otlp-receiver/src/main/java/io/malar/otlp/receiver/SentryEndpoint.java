package io.malar.otlp.receiver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A Sentry ingestion endpoint on 127.0.0.1 for the tests and the demo: accepts envelopes at
 * {@code POST /api/{project}/envelope/} (gzip or not), decodes their items and keeps them. It can
 * answer normally, hang until released, or answer 503 after a delay.
 */
public final class SentryEndpoint implements AutoCloseable {
  private static final Pattern ENVELOPE_PATH = Pattern.compile("/api/([^/]+)/envelope/?");
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
  private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Mode mode = Mode.NORMAL;
  private volatile CountDownLatch hang = new CountDownLatch(0);

  private enum Mode {
    NORMAL,
    HANG,
    SLOW_503
  }

  /** One envelope as it arrived: its project, its decoded text and its items. */
  private record Envelope(String project, String text, List<Item> items) {}

  /** One envelope item: its type and its JSON payload (null when the payload is not JSON). */
  private record Item(String type, Map<String, Object> payload) {}

  /** An event item, with the project it was sent to. */
  public record Event(String project, Map<String, Object> json) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
      Object value = json.get(key);
      return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    public Map<String, Object> tags() {
      return map("tags");
    }

    /** The exceptions, innermost first as Sentry orders them. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> exceptions() {
      Object values = map("exception").get("values");
      return values instanceof List ? (List<Map<String, Object>>) values : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> breadcrumbs() {
      Object crumbs = json.get("breadcrumbs");
      if (crumbs instanceof Map) {
        crumbs = ((Map<String, Object>) crumbs).get("values");
      }
      return crumbs instanceof List ? (List<Map<String, Object>>) crumbs : List.of();
    }

    @SuppressWarnings("unchecked")
    public String traceId() {
      Object trace = map("contexts").get("trace");
      return trace instanceof Map ? (String) ((Map<String, Object>) trace).get("trace_id") : null;
    }

    @SuppressWarnings("unchecked")
    public String spanId() {
      Object trace = map("contexts").get("trace");
      return trace instanceof Map ? (String) ((Map<String, Object>) trace).get("span_id") : null;
    }

    public String eventId() {
      return (String) json.get("event_id");
    }
  }

  private SentryEndpoint(HttpServer server) {
    this.server = server;
  }

  public static SentryEndpoint start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    SentryEndpoint endpoint = new SentryEndpoint(server);
    server.createContext("/", endpoint::handle);
    server.setExecutor(endpoint.executor);
    server.start();
    return endpoint;
  }

  /** A DSN for {@code project} pointing here. */
  public String dsn(String project) {
    return "http://key" + project + "@127.0.0.1:" + server.getAddress().getPort() + "/" + project;
  }

  public void answerNormally() {
    mode = Mode.NORMAL;
    hang.countDown();
  }

  /** Holds every envelope request open, unanswered, until {@link #answerNormally()}. */
  public void hang() {
    hang = new CountDownLatch(1);
    mode = Mode.HANG;
  }

  /** Answers 503 after two seconds. */
  public void answer503Slowly() {
    mode = Mode.SLOW_503;
    hang.countDown();
  }

  /** How many envelope requests arrived (answered or not). */
  public int connections() {
    return connections.get();
  }

  /** Every envelope as text, to look for what must never be sent. */
  public String allReceivedText() {
    StringBuilder all = new StringBuilder();
    for (Envelope envelope : envelopes) {
      all.append(envelope.text()).append('\n');
    }
    return all.toString();
  }

  public List<Event> events() {
    List<Event> events = new ArrayList<>();
    for (Envelope envelope : envelopes) {
      for (Item item : envelope.items()) {
        if ("event".equals(item.type()) && item.payload() != null) {
          events.add(new Event(envelope.project(), item.payload()));
        }
      }
    }
    return events;
  }

  public List<Event> awaitEvents(Predicate<Event> which, int atLeast, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Event> matching = events().stream().filter(which).toList();
      if (matching.size() >= atLeast || System.nanoTime() > deadline) {
        return matching;
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = ENVELOPE_PATH.matcher(exchange.getRequestURI().getPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      connections.incrementAndGet();
      byte[] body = read(exchange);
      envelopes.add(decode(path.group(1), body));
      switch (mode) {
        case HANG -> {
          hang.await();
          respond(exchange, 200);
        }
        case SLOW_503 -> {
          Thread.sleep(2000);
          respond(exchange, 503);
        }
        default -> respond(exchange, 200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  /** Envelope: a header line, then per item a header line and a payload of its length or up to the newline. */
  private static Envelope decode(String project, byte[] body) throws IOException {
    int[] position = {0};
    line(body, position); // the envelope's header: event id, SDK, sent_at
    List<Item> items = new ArrayList<>();
    while (position[0] < body.length) {
      byte[] itemHeaderBytes = line(body, position);
      if (itemHeaderBytes.length == 0) {
        continue;
      }
      Map<String, Object> itemHeader = parseObject(itemHeaderBytes);
      byte[] payload;
      Object length = itemHeader.get("length");
      if (length instanceof Number number) {
        int size = number.intValue();
        payload = new byte[size];
        System.arraycopy(body, position[0], payload, 0, size);
        position[0] += size;
        if (position[0] < body.length && body[position[0]] == '\n') {
          position[0]++;
        }
      } else {
        payload = line(body, position);
      }
      String type = String.valueOf(itemHeader.get("type"));
      Map<String, Object> json = payload.length > 0 && payload[0] == '{' ? parseObject(payload) : null;
      items.add(new Item(type, json));
    }
    return new Envelope(project, new String(body, StandardCharsets.UTF_8), items);
  }

  private static byte[] line(byte[] body, int[] position) {
    int start = position[0];
    int end = start;
    while (end < body.length && body[end] != '\n') {
      end++;
    }
    position[0] = Math.min(end + 1, body.length);
    ByteArrayOutputStream line = new ByteArrayOutputStream(end - start);
    line.write(body, start, end - start);
    return line.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseObject(byte[] json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      return (Map<String, Object>) value(parser);
    }
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, value(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      default -> {
        return null;
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "sentry-endpoint");
      thread.setDaemon(true);
      return thread;
    };
  }
}
