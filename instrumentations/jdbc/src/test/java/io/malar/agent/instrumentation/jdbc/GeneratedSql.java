package io.malar.agent.instrumentation.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Random statements for the sanitizer's properties: SQL words mixed with literals and comments of
 * one dialect, each literal carrying {@link #MARKER} or {@link #DIGITS} among random characters of
 * the whole Basic Multilingual Plane. The words hold no digit and not the marker, so either one in
 * the sanitized text comes from a literal.
 */
final class GeneratedSql {
  static final String MARKER = "qzxv";
  static final String DIGITS = "7391";

  private static final List<String> WORDS =
      List.of(
          "SELECT", "a", "b_c", "FROM", "farmers", "WHERE", "=", "<>", "AND", "OR", "IN", "VALUES",
          "VALUE", "INSERT", "INTO", "UPDATE", "SET", "DELETE", "WITH", "AS", "(", ")", ",", ".", ";",
          "-", "+", "*", "/", "?", ":name", "NULL", "TRUE", "LIKE", "ORDER", "BY", "LIMIT", "::", "[",
          "]", "e", "x", "n", "_binary", "\u00e9t\u00e9", "\u0434\u0430");

  private final Random random;
  private final List<Function<String, String>> literals;
  private final List<Function<String, String>> unterminated;

  private GeneratedSql(
      Random random, List<Function<String, String>> literals, List<Function<String, String>> unterminated) {
    this.random = random;
    this.literals = literals;
    this.unterminated = unterminated;
  }

  /** PostgreSQL and H2: standard, E'', N'', U&'', dollar-quoted, hex, bit strings, nested comments. */
  static GeneratedSql standard(Random random) {
    return new GeneratedSql(
        random,
        List.of(
            c -> doubled('\'', c),
            c -> "E" + backslashed('\'', c),
            c -> "e" + doubled('\'', backslashEscaped(c)),
            c -> "N" + doubled('\'', c),
            c -> "U&" + doubled('\'', c),
            c -> "$$" + without(c, "$") + "$$",
            c -> dollarTagged(random, c),
            c -> "X'" + hex(random) + "'",
            c -> "B'" + bits(random) + "'",
            c -> number(random),
            c -> "/* outer /* " + without(c, "*/") + " */ " + without(c, "*/") + " */",
            c -> "--" + without(c, "\r\n") + "\n"),
        List.of(
            c -> "'" + without(c, "'"),
            c -> "E'" + without(c, "'\\"),
            c -> "$$" + without(c, "$"),
            c -> "\"" + without(c, "\""),
            c -> "/* /* */ " + without(c, "*/")));
  }

  /** MySQL and MariaDB: backslash escapes in '' and "", charset introducers, 0x and 0b, # comments. */
  static GeneratedSql mysql(Random random) {
    return new GeneratedSql(
        random,
        List.of(
            c -> backslashed('\'', c),
            c -> doubled('\'', backslashEscaped(c)),
            c -> backslashed('"', c),
            c -> "_utf8mb4" + backslashed('\'', c),
            c -> "N" + backslashed('\'', c),
            c -> "X'" + hex(random) + "'",
            c -> "0x" + hex(random),
            c -> "b'" + bits(random) + "'",
            c -> "0b" + bits(random),
            c -> number(random),
            c -> "/* " + without(c, "*/") + " */",
            c -> "#" + without(c, "\r\n") + "\n",
            c -> "-- " + without(c, "\r\n") + "\r\n"),
        List.of(
            c -> "'" + without(c, "'\\"),
            c -> "\"" + without(c, "\"\\"),
            c -> "/* " + without(c, "*/")));
  }

  /** Up to 30 words and literals separated by spaces, one time in four ending in an unterminated one. */
  String next() {
    StringBuilder sql = new StringBuilder();
    int pieces = random.nextInt(31);
    for (int i = 0; i < pieces; i++) {
      if (i > 0) {
        sql.append(' ');
      }
      sql.append(random.nextInt(5) < 3 ? pick(WORDS) : pick(literals).apply(content()));
    }
    if (random.nextInt(4) == 0) {
      sql.append(' ').append(pick(unterminated).apply(content()));
    }
    return sql.toString();
  }

  /** Random text of any characters; with {@code length} zero, an empty string. */
  static String anyText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  private String content() {
    String marker = pick(List.of(MARKER, DIGITS, MARKER.toUpperCase(Locale.ROOT)));
    return anyText(random, random.nextInt(12)) + marker + anyText(random, random.nextInt(12));
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String doubled(char quote, String content) {
    String q = String.valueOf(quote);
    return q + content.replace(q, q + q) + q;
  }

  private static String backslashed(char quote, String content) {
    String q = String.valueOf(quote);
    return q + backslashEscaped(content).replace(q, "\\" + q) + q;
  }

  private static String backslashEscaped(String content) {
    return content.replace("\\", "\\\\");
  }

  /** A dollar-quoted string whose body holds its own tag but for the last $, and another tag. */
  private static String dollarTagged(Random random, String content) {
    StringBuilder tag = new StringBuilder("$").append((char) ('a' + random.nextInt(26)));
    for (int i = random.nextInt(5); i > 0; i--) {
      tag.append(random.nextBoolean() ? '_' : (char) ('a' + random.nextInt(26)));
    }
    String nearMiss = tag.toString();
    tag.append('$');
    String body = without(content, "$");
    int middle = random.nextInt(body.length() + 1);
    // the outer tags are lower case, so $Q$ never closes the string
    return tag + body.substring(0, middle) + nearMiss + " $Q$ " + body.substring(middle) + tag;
  }

  private static String hex(Random random) {
    StringBuilder hex = new StringBuilder(DIGITS);
    for (int i = random.nextInt(10); i > 0; i--) {
      hex.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
    }
    return hex.toString();
  }

  private static String bits(Random random) {
    StringBuilder bits = new StringBuilder("1");
    for (int i = random.nextInt(16); i > 0; i--) {
      bits.append(random.nextBoolean() ? '1' : '0');
    }
    return bits.toString();
  }

  private static String number(Random random) {
    List<String> forms = List.of(DIGITS, DIGITS + ".5", "7.391E-3", "7391e+10", "." + DIGITS, "1e" + DIGITS, "0" + DIGITS);
    return forms.get(random.nextInt(forms.size()));
  }

  private static String without(String content, String characters) {
    StringBuilder kept = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      if (characters.indexOf(content.charAt(i)) < 0) {
        kept.append(content.charAt(i));
      }
    }
    return kept.toString();
  }
}
