package io.malar.ledger.health;

import com.sun.management.OperatingSystemMXBean;
import io.malar.ledger.http.JsonResponses;
import io.malar.ledger.notifications.NotificationWorker;
import io.malar.ledger.redis.NotificationQueue;
import io.malar.ledger.redis.Redis;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import redis.clients.jedis.Jedis;

/**
 * {@code /health} (status, version, time) and {@code /health/detailed} (database, Redis, the
 * notification worker and the system, each with its status; overall "degraded" when one fails).
 */
public final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String VERSION = "1.0.0";
  /** The worker polls every second; three seconds without a poll means it is stuck. */
  private static final long WORKER_STALL_MILLIS = 3_000;

  private final transient DataSource dataSource;
  private final transient Redis redis;
  private final transient NotificationQueue queue;
  private final transient NotificationWorker worker;
  private final String environment;

  public HealthServlet(DataSource dataSource, Redis redis, NotificationQueue queue, NotificationWorker worker,
      String environment) {
    this.dataSource = dataSource;
    this.redis = redis;
    this.queue = queue;
    this.worker = worker;
    this.environment = environment;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", "healthy");
    health.put("timestamp", Instant.now().toString());
    if ("/detailed".equals(request.getPathInfo())) {
      Map<String, Object> components = new LinkedHashMap<>();
      components.put("database", check(this::pingDatabase));
      components.put("redis", check(this::pingRedis));
      components.put("notification_worker", worker());
      components.put("system", system());
      boolean healthy = components.values().stream()
          .allMatch(component -> "healthy".equals(((Map<?, ?>) component).get("status")));
      health.put("status", healthy ? "healthy" : "degraded");
      health.put("components", components);
    } else if (request.getPathInfo() == null || "/".equals(request.getPathInfo())) {
      health.put("version", VERSION);
      health.put("environment", environment);
    } else {
      response.sendError(404);
      return;
    }
    JsonResponses.write(response, 200, health);
  }

  /** A probe that returns normally when the component answers. */
  @FunctionalInterface
  private interface Probe {
    void run() throws Exception;
  }

  private static Map<String, Object> check(Probe probe) {
    Map<String, Object> component = new LinkedHashMap<>();
    long start = System.nanoTime();
    try {
      probe.run();
      component.put("status", "healthy");
    } catch (Exception e) {
      component.put("status", "unhealthy");
      component.put("error", e.toString());
    }
    component.put("response_time_ms", (System.nanoTime() - start) / 1_000_000.0);
    return component;
  }

  private void pingDatabase() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  private void pingRedis() {
    try (Jedis jedis = redis.connection()) {
      jedis.ping();
    }
  }

  private Map<String, Object> worker() {
    Map<String, Object> component = check(() -> {
      if (!worker.isAlive()) {
        throw new IllegalStateException("the worker thread has stopped");
      }
      if (worker.millisSinceLastPoll() > WORKER_STALL_MILLIS) {
        throw new IllegalStateException("no poll for " + worker.millisSinceLastPoll() + " ms");
      }
    });
    component.put("sent", worker.sent());
    component.put("failed", worker.failed());
    try {
      component.put("queue_depth", queue.depth());
    } catch (RuntimeException e) {
      component.put("queue_depth", null);
    }
    return component;
  }

  private static Map<String, Object> system() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runtime runtime = Runtime.getRuntime();
    File disk = new File(".").getAbsoluteFile();
    Map<String, Object> component = new LinkedHashMap<>();
    component.put("status", "healthy");
    component.put("cpu_percent", Math.max(0, os.getCpuLoad()) * 100);
    component.put("memory_percent", 100.0 * (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory());
    component.put("disk_percent", 100.0 * (disk.getTotalSpace() - disk.getUsableSpace()) / disk.getTotalSpace());
    return component;
  }
}
