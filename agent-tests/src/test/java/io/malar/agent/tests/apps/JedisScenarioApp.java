package io.malar.agent.tests.apps;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;

/**
 * The Redis calls the agent must trace, against the server named by its arguments (host, port):
 * single commands, a pipeline and a transaction. The values are ones that must never be exported.
 */
public final class JedisScenarioApp {
  public static final String VALUE = "marigold-secret-value";

  public static void main(String[] args) {
    String jar = Jedis.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    System.out.println("client " + jar.substring(jar.lastIndexOf('/') + 1));
    try (Jedis jedis = new Jedis(args[0], Integer.parseInt(args[1]))) {
      System.out.println("set " + jedis.set("malar:rate", VALUE));
      System.out.println("get " + VALUE.equals(jedis.get("malar:rate")));
      Pipeline pipeline = jedis.pipelined();
      pipeline.set("malar:p1", VALUE);
      pipeline.get("malar:p1");
      pipeline.del("malar:p1");
      pipeline.sync();
      System.out.println("pipeline done");
      Transaction transaction = jedis.multi();
      transaction.incr("malar:counter");
      transaction.expire("malar:counter", 60);
      System.out.println("transaction " + transaction.exec().size());
      jedis.del("malar:rate", "malar:counter");
    }
    System.out.println("DONE");
  }
}
