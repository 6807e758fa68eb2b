package io.malar.agent.features.cachemetrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How a read command's reply says, key by key, whether what it asked for was there. */
enum ReadShape {
  /** One key, one answer: GET, HGET, HEXISTS, SISMEMBER... */
  ONE_KEY {
    @Override
    void count(List<byte[]> arguments, Object reply, Outcomes outcomes) {
      outcomes.add(arguments.get(0), found(reply));
    }
  },
  /** MGET: one element per key. */
  EACH_KEY {
    @Override
    void count(List<byte[]> arguments, Object reply, Outcomes outcomes) {
      if (reply instanceof List && ((List<?>) reply).size() == arguments.size()) {
        List<?> elements = (List<?>) reply;
        for (int i = 0; i < elements.size(); i++) {
          outcomes.add(arguments.get(i), found(elements.get(i)));
        }
      }
    }
  },
  /** HMGET, SMISMEMBER: one element per field or member of the first argument's key. */
  EACH_FIELD {
    @Override
    void count(List<byte[]> arguments, Object reply, Outcomes outcomes) {
      if (reply instanceof List && ((List<?>) reply).size() == arguments.size() - 1) {
        for (Object element : (List<?>) reply) {
          outcomes.add(arguments.get(0), found(element));
        }
      }
    }
  },
  /**
   * EXISTS: how many of the keys exist. With one key that is its answer; with several, which ones
   * exist is unknown, so they count under their pattern only when they share one.
   */
  KEY_COUNT {
    @Override
    void count(List<byte[]> arguments, Object reply, Outcomes outcomes) {
      if (arguments.size() == 1 || !(reply instanceof Number)) {
        ONE_KEY.count(arguments, reply, outcomes);
        return;
      }
      String pattern = KeyPatterns.of(arguments.get(0));
      for (int i = 1; i < arguments.size(); i++) {
        if (!pattern.equals(KeyPatterns.of(arguments.get(i)))) {
          return;
        }
      }
      long existing = ((Number) reply).longValue();
      for (int i = 0; i < arguments.size(); i++) {
        outcomes.add(arguments.get(0), i < existing);
      }
    }
  };

  private static final Map<String, ReadShape> BY_COMMAND = new HashMap<>();

  static {
    for (String command : new String[] {"GET", "GETEX", "GETDEL", "HGET", "HEXISTS", "SISMEMBER", "HGETALL"}) {
      BY_COMMAND.put(command, ONE_KEY);
    }
    BY_COMMAND.put("MGET", EACH_KEY);
    BY_COMMAND.put("HMGET", EACH_FIELD);
    BY_COMMAND.put("SMISMEMBER", EACH_FIELD);
    BY_COMMAND.put("EXISTS", KEY_COUNT);
  }

  /** The shape of {@code command}'s reply, or null for a command that is no such read. */
  static ReadShape of(String command) {
    return BY_COMMAND.get(command);
  }

  /** Counts the reply's hits and misses, key by key; a reply of an unexpected form counts nothing. */
  abstract void count(List<byte[]> arguments, Object reply, Outcomes outcomes);

  /** Null, FALSE, zero, an empty collection or map: nothing there. */
  static boolean found(Object reply) {
    if (reply == null) {
      return false;
    }
    if (reply instanceof Boolean) {
      return (Boolean) reply;
    }
    if (reply instanceof Number) {
      return ((Number) reply).longValue() > 0;
    }
    if (reply instanceof Collection) {
      return !((Collection<?>) reply).isEmpty();
    }
    if (reply instanceof Map) {
      return !((Map<?, ?>) reply).isEmpty();
    }
    return true;
  }

  /** Where a shape reports each key's outcome. */
  interface Outcomes {
    void add(byte[] key, boolean hit);
  }
}
