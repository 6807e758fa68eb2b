package io.malar.agent.tests.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    return new EmbeddedRedisCluster(cluster);
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
