package io.malar.agent.tests.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;
import redis.embedded.RedisShardedCluster;

/** A real Redis Cluster of three masters (shipped redis-server binaries) on free ports of 127.0.0.1. */
public final class EmbeddedRedisCluster implements AutoCloseable {
  private final RedisShardedCluster cluster;

  private EmbeddedRedisCluster(RedisShardedCluster cluster) {
    this.cluster = cluster;
  }

  public static EmbeddedRedisCluster start() throws IOException {
    RedisShardedCluster cluster =
        RedisShardedCluster.newRedisCluster()
            .withServerBuilder(RedisServer.newRedisServer().bind("127.0.0.1").setting("save \"\""))
            // before the shards, which take their ports as they are added
            .serverPorts(freePortsWithBusPorts(3))
            .shard("malar-1", 0)
            .shard("malar-2", 0)
            .shard("malar-3", 0)
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    cluster.start();
    EmbeddedRedisCluster started = new EmbeddedRedisCluster(cluster);
    try {
      started.awaitClusterStateOk(Duration.ofSeconds(30));
    } catch (IOException | RuntimeException e) {
      cluster.stop();
      throw e;
    }
    return started;
  }

  /**
   * The cluster's start returns once its slots are assigned, but each node learns that every slot
   * is covered only by gossip: until it has, it answers CLUSTERDOWN.
   */
  private void awaitClusterStateOk(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int port : ports()) {
      try (Jedis node = new Jedis("127.0.0.1", port)) {
        while (!node.clusterInfo().contains("cluster_state:ok")) {
          if (System.nanoTime() > deadline) {
            throw new IOException("Redis node " + port + " did not reach cluster_state:ok within " + timeout);
          }
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the Redis cluster", e);
      }
    }
  }

  /** Ports that are free, as are the cluster bus ports 10000 above them. */
  private static List<Integer> freePortsWithBusPorts(int count) {
    List<Integer> ports = new ArrayList<>();
    for (int port = 21000 + new Random().nextInt(4000); ports.size() < count && port < 30000; port++) {
      if (free(port) && free(port + 10000)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public List<Integer> ports() {
    return cluster.serverPorts();
  }

  @Override
  public void close() throws IOException {
    cluster.stop();
  }
}
