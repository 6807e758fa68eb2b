package io.malar.agent.tests.apps;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * javax.servlet on embedded Tomcat 9: async requests that count a visit in Redis ({@code INCR}) on
 * another thread, either the application's own ExecutorService or {@code AsyncContext.start}. The
 * Redis port is given with {@code -Dtest.redis.port}.
 */
public final class ExecutorsTomcatApp {
  public static void main(String[] args) throws Exception {
    JedisPool redis = new JedisPool("127.0.0.1", Integer.parseInt(System.getProperty("test.redis.port")));
    Tomcat tomcat = TomcatApp.onAFreePort();
    Context context = tomcat.addContext("", null);
    Wrapper wrapper = Tomcat.addServlet(context, "visits", new Visits(redis, Executors.newFixedThreadPool(2)));
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded("/javax/*", "visits");
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static final class Visits extends HttpServlet {
    private final JedisPool redis;
    private final ExecutorService workers;

    Visits(JedisPool redis, ExecutorService workers) {
      this.redis = redis;
      this.workers = workers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      String key = "visits:" + request.getPathInfo();
      if (request.getPathInfo().equals("/async-start")) {
        async.start(() -> count(async, key));
      } else {
        workers.submit(() -> count(async, key));
      }
    }

    private void count(AsyncContext async, String key) {
      try (Jedis jedis = redis.getResource()) {
        async.getResponse().getWriter().write("visits " + jedis.incr(key));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } finally {
        async.complete();
      }
    }
  }
}
