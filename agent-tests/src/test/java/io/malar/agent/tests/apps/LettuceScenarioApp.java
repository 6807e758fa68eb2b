package io.malar.agent.tests.apps;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Embedded Jetty 12 whose servlet, {@code /lettuce}, makes the Redis calls the agent must trace
 * through Lettuce against the server named by the arguments (host, port): sync, async completed on
 * the event loop, reactive subscribed on another scheduler, two failing commands, a pipeline, a
 * transaction, a publish, a blocking pop, a cancelled one, a slow script, commands on database 3
 * and one on a closed connection. It answers with what each call returned, which must be the same with and
 * without the agent. {@code /lettuce/fail} fails on a Redis error reply; {@code /lettuce/cluster}
 * writes and reads keys across the nodes of a Redis Cluster. The values and keys are
 * ones that must never be exported.
 */
public final class LettuceScenarioApp extends HttpServlet {
  public static final String VALUE = "jasmine-secret-value";
  public static final String KEY = "malar:lettuce:rate";
  private static final String COUNTER = "malar:lettuce:counter";
  private static final String PIPELINED = "malar:lettuce:pipelined";
  private static final String EMPTY_QUEUE = "malar:lettuce:empty-queue";
  private static final String NEVER = "malar:lettuce:never-written";
  private static final String CHAINED = "malar:lettuce:chained";

  private static final String SLOW_SCRIPT =
      "local t = redis.call('TIME') local start = t[1] * 1000000 + t[2] "
          + "repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - start >= 100000 return 1";

  private final RedisClient client;
  private final RedisURI uri;
  private final StatefulRedisClusterConnection<String, String> cluster;

  private LettuceScenarioApp(RedisClient client, RedisURI uri, StatefulRedisClusterConnection<String, String> cluster) {
    this.client = client;
    this.uri = uri;
    this.cluster = cluster;
  }

  public static void main(String[] args) throws Exception {
    RedisURI uri = RedisURI.create(args[0], Integer.parseInt(args[1]));
    RedisClient client = RedisClient.create();
    System.out.println("client " + jarOf(RedisClient.class));
    System.out.println("netty " + jarOf(io.netty.channel.Channel.class) + ", reactor " + jarOf(Mono.class));
    // a third argument: a Redis Cluster node's port, the cluster's topology read before serving
    StatefulRedisClusterConnection<String, String> cluster =
        args.length > 2 ? RedisClusterClient.create(RedisURI.create(args[0], Integer.parseInt(args[2]))).connect() : null;
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new LettuceScenarioApp(client, uri, cluster)), "/lettuce/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
    if ("/fail".equals(request.getPathInfo())) {
      failingRequest();
      return;
    }
    response.setContentType("text/plain");
    if ("/cluster".equals(request.getPathInfo())) {
      clusterRequest(response.getWriter());
      return;
    }
    PrintWriter out = response.getWriter();
    try (StatefulRedisConnection<String, String> connection = client.connect(uri);
        StatefulRedisConnection<String, String> database3 = client.connect(withDatabase(3))) {
      RedisCommands<String, String> sync = connection.sync();
      RedisReactiveCommands<String, String> reactive = connection.reactive();

      out.println("sync set " + sync.set(KEY, VALUE));
      out.println("sync get " + VALUE.equals(sync.get(KEY)));
      out.println("async completed on the event loop " + completedOnEventLoop(connection, database3));

      out.println("reactive incr " + reactive.incr(COUNTER).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)));
      reactive.append(NEVER, VALUE); // assembled, never subscribed: never sent

      try {
        sync.incr(KEY);
        out.println("sync incr on a string succeeded");
      } catch (RuntimeException e) {
        out.println("sync incr failed: " + e.getClass().getName() + ": " + e.getMessage());
      }
      out.println("reactive lpush on a string: "
          + reactive.lpush(KEY, VALUE).map(String::valueOf).onErrorResume(e -> Mono.just(e.getClass().getName())).block(Duration.ofSeconds(10)));

      out.println("pipeline " + pipeline(connection, database3));

      sync.multi();
      sync.incr(COUNTER);
      sync.expire(COUNTER, 60);
      TransactionResult transaction = sync.exec();
      out.println("transaction " + transaction.size() + " " + transaction.wasDiscarded());

      out.println("publish " + sync.publish("malar:lettuce:notices", VALUE));
      out.println("blocking pop " + sync.blpop(1L, EMPTY_QUEUE));
      out.println("reactive blocking pop " + cancelledBlockingPop());
      out.println("slow script " + slowScript(sync));
      out.println("database 3 get " + database3.sync().get(KEY));
      out.println("closed connection " + commandOnAClosedConnection());
      out.println("del " + sync.del(KEY, COUNTER));
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  /** A SET and an async GET of keys that live on different nodes; prints each key's node. */
  private void clusterRequest(PrintWriter out) throws ServletException {
    try {
      for (int i = 1; i <= 6; i++) {
        String key = "malar:lettuce:farmer:" + i;
        int port = cluster.getPartitions().getPartitionBySlot(SlotHash.getSlot(key)).getUri().getPort();
        out.println(i + " on " + port + " set " + cluster.sync().set(key, VALUE)
            + " get " + VALUE.equals(cluster.async().get(key).get(10, TimeUnit.SECONDS)));
      }
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  /** A request that fails on a Redis error reply, after a command that succeeded. */
  private void failingRequest() {
    try (StatefulRedisConnection<String, String> connection = client.connect(uri)) {
      connection.sync().set(KEY, VALUE);
      connection.sync().incr(KEY);
    }
  }

  /** A reactive BLPOP the subscriber gives up on: the subscription is cancelled before any reply. */
  private String cancelledBlockingPop() {
    try (StatefulRedisConnection<String, String> blocking = client.connect(uri)) {
      return blocking.reactive().blpop(5L, EMPTY_QUEUE).map(popped -> "popped")
          .timeout(Duration.ofMillis(300))
          .onErrorResume(TimeoutException.class, e -> Mono.just("cancelled after a timeout"))
          .block(Duration.ofSeconds(10));
    }
  }

  /** A script that keeps Redis busy for 100 ms by Redis's own clock: a slow command, by construction. */
  private static Long slowScript(RedisCommands<String, String> sync) {
    return sync.eval(SLOW_SCRIPT, ScriptOutputType.INTEGER);
  }

  /** A command that fails before it is written: Lettuce rejects it. */
  private String commandOnAClosedConnection() {
    StatefulRedisConnection<String, String> closed = client.connect(uri);
    closed.close();
    try {
      return "get " + closed.sync().get(KEY);
    } catch (RuntimeException e) {
      return "get failed: " + e.getClass().getName();
    }
  }

  /**
   * An async GET whose callback is attached before the command is sent, so it runs where the reply
   * completes the command: on Netty's event loop. From there it sends a SETEX on another connection.
   */
  private static boolean completedOnEventLoop(
      StatefulRedisConnection<String, String> connection, StatefulRedisConnection<String, String> other) throws Exception {
    connection.setAutoFlushCommands(false);
    try {
      CompletableFuture<String> completedOn =
          connection.async().get(KEY)
              .thenCompose(value -> {
                String thread = Thread.currentThread().getName();
                return other.async().setex(CHAINED, 60, value).thenApply(ok -> thread);
              })
              .toCompletableFuture();
      connection.flushCommands();
      return completedOn.get(10, TimeUnit.SECONDS).startsWith("lettuce-");
    } finally {
      connection.setAutoFlushCommands(true);
    }
  }

  /**
   * Three commands sent together with one flush; before it, a PING on another connection, which
   * goes out first.
   */
  private static String pipeline(StatefulRedisConnection<String, String> connection, StatefulRedisConnection<String, String> other) {
    RedisAsyncCommands<String, String> async = connection.async();
    connection.setAutoFlushCommands(false);
    try {
      RedisFuture<String> set = async.set(PIPELINED, VALUE);
      RedisFuture<String> get = async.get(PIPELINED);
      RedisFuture<Long> del = async.del(PIPELINED);
      other.sync().ping();
      connection.flushCommands();
      boolean done = LettuceFutures.awaitAll(Duration.ofSeconds(10), set, get, del);
      return done + " " + set.get() + " " + VALUE.equals(get.get()) + " " + del.get();
    } catch (Exception e) {
      return "failed: " + e;
    } finally {
      connection.setAutoFlushCommands(true);
    }
  }

  private RedisURI withDatabase(int database) {
    RedisURI other = RedisURI.create(uri.getHost(), uri.getPort());
    other.setDatabase(database);
    return other;
  }

  private static String jarOf(Class<?> type) {
    String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return jar.substring(jar.lastIndexOf('/') + 1);
  }
}
