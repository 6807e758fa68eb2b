package io.malar.agent.tests.apps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 whose requests hand their database lookups (H2) to other threads, each route
 * in one of the ways applications do: CompletableFuture, an application ExecutorService completing
 * an async request, AsyncContext.start, a scheduled task, a parallel stream, virtual threads, and
 * a single pooled thread that every request reuses; one route fails after its lookups. The
 * application knows nothing of the agent.
 */
public final class ExecutorsApp {
  static final String URL = "jdbc:h2:mem:executors;DB_CLOSE_DELAY=-1";
  public static final String LOOKUP = "SELECT name FROM farmers WHERE id = ?";

  private final ExecutorService workers = Executors.newFixedThreadPool(3);
  private final ExecutorService reused = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE farmers (id INT PRIMARY KEY, name VARCHAR(40))");
      statement.execute("INSERT INTO farmers SELECT x, 'farmer ' || x FROM SYSTEM_RANGE(1, 100)");
    }
    ExecutorsApp app = new ExecutorsApp();
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = new ServletHolder(new Routes(app));
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/exec/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static String lookup(int id) {
    try (Connection connection = DriverManager.getConnection(URL);
        PreparedStatement byId = connection.prepareStatement(LOOKUP)) {
      byId.setInt(1, id);
      try (ResultSet rows = byId.executeQuery()) {
        return rows.next() ? rows.getString(1) : "none";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Three lookups on the common pool, joined, then a fourth in an async stage after them. */
  String fanOut() {
    List<CompletableFuture<String>> lookups = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      int farmer = id;
      lookups.add(CompletableFuture.supplyAsync(() -> lookup(farmer), ForkJoinPool.commonPool()));
    }
    return CompletableFuture.allOf(lookups.toArray(new CompletableFuture<?>[0]))
        .thenApplyAsync(done -> lookups.stream().map(CompletableFuture::join).reduce("", String::concat) + lookup(4))
        .join();
  }

  /** Three lookups on CompletableFuture's default executor. */
  String fanOutDefault() {
    List<CompletableFuture<String>> lookups = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      int farmer = id;
      lookups.add(CompletableFuture.supplyAsync(() -> lookup(farmer)));
    }
    return lookups.stream().map(CompletableFuture::join).reduce("", String::concat);
  }

  String scheduled() throws Exception {
    scheduler.schedule(() -> lookup(5), 20, TimeUnit.MILLISECONDS).get();
    return scheduler.schedule(() -> lookup(6), 20, TimeUnit.MILLISECONDS).get();
  }

  String parallel() {
    return IntStream.rangeClosed(1, 8).parallel().mapToObj(ExecutorsApp::lookup).reduce("", String::concat);
  }

  /** Virtual threads through the Java 21 API, called reflectively: this class is compiled for 17. */
  String virtual() throws Exception {
    ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      Future<String> first = perTask.submit(() -> lookup(7));
      Future<String> second = perTask.submit(() -> lookup(8));
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Runnable third = () -> lookup(9);
      Thread thread = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, third);
      thread.join();
      return first.get() + second.get();
    } finally {
      perTask.shutdown();
    }
  }

  /** The same single pooled thread for every request: one task submitted, one executed. */
  String pooled(int id) throws Exception {
    String submitted = reused.submit(() -> lookup(id)).get();
    CompletableFuture<String> executed = new CompletableFuture<>();
    reused.execute(() -> executed.complete(lookup(id + 1)));
    return submitted + executed.get();
  }

  /** A lookup on the pooled thread handed over by a thread no request runs on. */
  String background() throws Exception {
    Callable<String> task = () -> reused.submit(() -> lookup(50)).get();
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread plain = new Thread(() -> {
      try {
        result.complete(task.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    plain.start();
    return result.get();
  }

  /** Three lookups on the worker pool, then a failure: the request's error event lists them. */
  String failing() throws Exception {
    List<Future<String>> lookups = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      int farmer = id;
      lookups.add(workers.submit(() -> lookup(farmer)));
    }
    for (Future<String> lookup : lookups) {
      lookup.get();
    }
    throw new IllegalStateException("report failed after its lookups");
  }

  /** One statement twelve times, spread over the worker pool: an N+1 the request should be told of. */
  String repeated() throws Exception {
    List<Future<String>> lookups = new ArrayList<>();
    for (int id = 1; id <= 12; id++) {
      int farmer = id;
      lookups.add(workers.submit(() -> lookup(farmer)));
    }
    StringBuilder names = new StringBuilder();
    for (Future<String> lookup : lookups) {
      names.append(lookup.get());
    }
    return names.toString();
  }

  private static final class Routes extends HttpServlet {
    private final ExecutorsApp app;

    Routes(ExecutorsApp app) {
      this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String route = request.getPathInfo();
      try {
        switch (route) {
          case "/async-executor":
            AsyncContext onPool = request.startAsync();
            app.workers.submit(() -> complete(onPool, lookup(10)));
            return;
          case "/async-start":
            AsyncContext started = request.startAsync();
            started.start(() -> complete(started, lookup(11)));
            return;
          default:
            response.getWriter().write(answer(route, request));
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }

    private String answer(String route, HttpServletRequest request) throws Exception {
      switch (route) {
        case "/fanout":
          return app.fanOut();
        case "/fanout-default":
          return app.fanOutDefault();
        case "/scheduled":
          return app.scheduled();
        case "/parallel":
          return app.parallel();
        case "/virtual":
          return app.virtual();
        case "/pooled":
          return app.pooled(Integer.parseInt(request.getParameter("id")));
        case "/background":
          return app.background();
        case "/repeated":
          return app.repeated();
        case "/failing":
          return app.failing();
        default:
          throw new IllegalArgumentException(route);
      }
    }

    private static void complete(AsyncContext async, String body) {
      try {
        async.getResponse().getWriter().write(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } finally {
        async.complete();
      }
    }
  }
}
