package io.malar.agent.tests.apps;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An application that uses the plain OpenTelemetry API, with no SDK: {@code /order} makes its own
 * span around an H2 query, counts the order and records its weight; {@code /order?fail=true} fails
 * the span with an exception. The body tells what the application saw of the current span.
 */
public final class OpenTelemetryApiApp {
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  public static void main(String[] args) throws Exception {
    Tracer tracer = GlobalOpenTelemetry.getTracer("flower-orders", "1.0");
    Meter meter = GlobalOpenTelemetry.getMeter("flower-orders");
    LongCounter orders = meter.counterBuilder("shop.orders").setDescription("Orders taken").setUnit("{order}").build();
    DoubleHistogram weights = meter.histogramBuilder("shop.order.weight").setUnit("kg").build();
    meter.gaugeBuilder("shop.queue.depth").ofLongs().buildWithCallback(depth -> depth.record(7, Attributes.of(AttributeKey.stringKey("queue"), "orders")));
    Connection db = DriverManager.getConnection("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");

    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new OrderServlet(tracer, orders, weights, db)), "/order");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static final class OrderServlet extends HttpServlet {
    private final Tracer tracer;
    private final LongCounter orders;
    private final DoubleHistogram weights;
    private final Connection db;

    OrderServlet(Tracer tracer, LongCounter orders, DoubleHistogram weights, Connection db) {
      this.tracer = tracer;
      this.orders = orders;
      this.weights = weights;
      this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      boolean serverSpanSeen = Span.current().getSpanContext().isValid();
      boolean fail = "true".equals(request.getParameter("fail"));
      Span order = tracer.spanBuilder("take-order").setAttribute("shop.flower", "roses").startSpan();
      boolean orderCurrent = false;
      int answer = -1;
      try (Scope ignored = order.makeCurrent()) {
        orderCurrent = Span.current().getSpanContext().equals(order.getSpanContext());
        answer = query();
        order.addEvent("stock checked");
        if (fail) {
          throw new IllegalStateException("no roses left");
        }
        orders.add(1, Attributes.of(OUTCOME, "taken"));
        weights.record(3.5);
      } catch (IllegalStateException e) {
        order.recordException(e);
        order.setStatus(StatusCode.ERROR, "out of stock");
        orders.add(1, Attributes.of(OUTCOME, "refused"));
        response.setStatus(409);
      } finally {
        order.end();
      }
      response.getWriter().print(
          "answer=" + answer + " server-span-seen=" + serverSpanSeen + " order-current=" + orderCurrent
              + " order-trace=" + order.getSpanContext().getTraceId());
    }

    private int query() {
      try (Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
        rows.next();
        return rows.getInt(1);
      } catch (SQLException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }
}
