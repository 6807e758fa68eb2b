package io.malar.agent.core.redis;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A command's name and its query text: the name followed by one {@code ?} per argument. Neither
 * ever holds an argument, and the name is only the command word: an application that sends a whole
 * line as a command name ({@code "SET key value"}) gets {@code SET}.
 */
public final class RedisCommandText {
  /** Beyond this many arguments (an MSET of thousands of keys, say) the text ends in "...". */
  public static final int MAX_PLACEHOLDERS = 64;

  /** Longer than any Redis or module command name ({@code CLIENT|NO-EVICT}, {@code FT.AGGREGATE}). */
  static final int MAX_NAME_LENGTH = 32;

  static final String UNKNOWN = "UNKNOWN";

  private static final int MAX_CACHED_NAMES = 1024;
  /** Query texts of commands with fewer arguments than this are built once per command name. */
  private static final int CACHED_ARGUMENT_COUNTS = 8;

  // A library's commands are constants, so their name bytes are the same arrays on every call.
  private static final ConcurrentHashMap<byte[], String> NAMES = new ConcurrentHashMap<>();
  // Every command of a span needs its query text; most take a few arguments, so the texts of a
  // name repeat: built once, each span then carries the same string.
  private static final ConcurrentHashMap<String, String[]> QUERIES = new ConcurrentHashMap<>();

  private RedisCommandText() {}

  /** The command word at the start of {@code raw}: letters, digits and {@code . _ - | :}. */
  public static String name(byte[] raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    String name = NAMES.get(raw);
    if (name == null) {
      name = commandWord(raw);
      if (NAMES.size() < MAX_CACHED_NAMES) {
        NAMES.put(raw, name);
      }
    }
    return name;
  }

  public static String query(String name, int argumentCount) {
    if (name == null || argumentCount < 0 || argumentCount >= CACHED_ARGUMENT_COUNTS) {
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
    int placeholders = Math.max(0, Math.min(argumentCount, MAX_PLACEHOLDERS));
    String command = name == null ? UNKNOWN : name;
    StringBuilder text = new StringBuilder(command.length() + 2 * placeholders + 4).append(command);
    for (int i = 0; i < placeholders; i++) {
      text.append(" ?");
    }
    if (argumentCount > placeholders) {
      text.append(" ...");
    }
    return text.toString();
  }

  private static String commandWord(byte[] raw) {
    int end = 0;
    while (end < raw.length && end < MAX_NAME_LENGTH && isCommandCharacter(raw[end])) {
      end++;
    }
    if (end == 0) {
      return UNKNOWN;
    }
    char[] word = new char[end];
    for (int i = 0; i < end; i++) {
      word[i] = (char) raw[i];
    }
    return new String(word);
  }

  private static boolean isCommandCharacter(byte b) {
    return (b >= 'A' && b <= 'Z')
        || (b >= 'a' && b <= 'z')
        || (b >= '0' && b <= '9')
        || b == '.'
        || b == '_'
        || b == '-'
        || b == '|'
        || b == ':';
  }
}
