package io.malar.agent.features.slowcalls;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Redis commands whose purpose is to wait (a worker's BRPOP on an empty queue): their duration is
 * the wait the caller asked for, so they are never slow.
 */
final class BlockingRedisCommands {
  private static final Set<String> WAITING =
      new HashSet<>(
          Arrays.asList(
              "BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP",
              "XREAD", "XREADGROUP", "WAIT", "WAITAOF", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "MONITOR"));

  private BlockingRedisCommands() {}

  static boolean waits(String command) {
    return command != null && WAITING.contains(command);
  }
}
