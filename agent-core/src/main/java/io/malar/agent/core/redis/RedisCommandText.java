package io.malar.agent.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** A command's name and its query text: the name followed by one {@code ?} per argument. */
public final class RedisCommandText {
  /** Beyond this many arguments (an MSET of thousands of keys, say) the text ends in "...". */
  public static final int MAX_PLACEHOLDERS = 64;

  private static final int MAX_CACHED_NAMES = 1024;

  // A library's commands are constants, so their name bytes are the same arrays on every call.
  private static final ConcurrentHashMap<byte[], String> NAMES = new ConcurrentHashMap<>();

  private RedisCommandText() {}

  public static String name(byte[] raw) {
    String name = NAMES.get(raw);
    if (name == null) {
      name = new String(raw, StandardCharsets.US_ASCII);
      if (NAMES.size() < MAX_CACHED_NAMES) {
        NAMES.put(raw, name);
      }
    }
    return name;
  }

  public static String query(String name, int argumentCount) {
    int placeholders = Math.min(argumentCount, MAX_PLACEHOLDERS);
    StringBuilder text = new StringBuilder(name.length() + 2 * placeholders + 4).append(name);
    for (int i = 0; i < placeholders; i++) {
      text.append(" ?");
    }
    if (argumentCount > placeholders) {
      text.append(" ...");
    }
    return text.toString();
  }
}
