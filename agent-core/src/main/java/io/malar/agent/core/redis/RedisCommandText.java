package io.malar.agent.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** A command's name and its query text: the name followed by one {@code ?} per argument. */
public final class RedisCommandText {
  /** Beyond this many arguments (an MSET of thousands of keys, say) the text ends in "...". */
  public static final int MAX_PLACEHOLDERS = 64;

  private static final int MAX_CACHED_NAMES = 1024;
  /** Query texts of commands with fewer arguments than this are built once per command name. */
  private static final int CACHED_ARGUMENT_COUNTS = 8;

  // A library's commands are constants, so their name bytes are the same arrays on every call.
  private static final ConcurrentHashMap<byte[], String> NAMES = new ConcurrentHashMap<>();
  // Every command of a span needs its query text; most take a few arguments, so the texts of a
  // name repeat: built once, each span then carries the same string.
  private static final ConcurrentHashMap<String, String[]> QUERIES = new ConcurrentHashMap<>();

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
    if (argumentCount < 0 || argumentCount >= CACHED_ARGUMENT_COUNTS) {
      return buildQuery(name, argumentCount);
    }
    String[] texts = QUERIES.get(name);
    if (texts == null) {
      if (QUERIES.size() >= MAX_CACHED_NAMES) {
        return buildQuery(name, argumentCount);
      }
      texts = QUERIES.computeIfAbsent(name, any -> new String[CACHED_ARGUMENT_COUNTS]);
    }
    String text = texts[argumentCount];
    if (text == null) {
      // two threads may both build it: equal strings, either one will do
      text = buildQuery(name, argumentCount);
      texts[argumentCount] = text;
    }
    return text;
  }

  private static String buildQuery(String name, int argumentCount) {
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
