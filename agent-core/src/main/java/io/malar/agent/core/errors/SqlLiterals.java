package io.malar.agent.core.errors;

/**
 * Removes literals from a database driver's error message, which often echoes the statement
 * ({@code ... WHERE name = 'Selvi' ...}) or the offending values. Drivers quote inconsistently
 * (MySQL nests quotes in {@code near '...'}), so on each line everything from the first single
 * quote to the last becomes {@code ?}, as do PostgreSQL's {@code (column)=(values)} and every number
 * that is not part of a name. A literal may span lines: after an odd number of quotes so far, a
 * line's start up to its last quote is still inside it, and a line that ends inside one is hidden
 * to its end.
 */
public final class SqlLiterals {
  private SqlLiterals() {}

  public static String scrub(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(message.length());
    boolean inLiteral = false;
    int lineStart = 0;
    while (lineStart <= message.length()) {
      int lineEnd = message.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = message.length();
      }
      inLiteral = scrubLine(message.substring(lineStart, lineEnd), inLiteral, clean);
      if (lineEnd < message.length()) {
        clean.append('\n');
      }
      lineStart = lineEnd + 1;
    }
    return clean.toString();
  }

  /** Scrubs one line into {@code into}; returns whether a quoted literal is still open at its end. */
  private static boolean scrubLine(String line, boolean inLiteral, StringBuilder into) {
    int quotes = 0;
    for (int i = 0; i < line.length(); i++) {
      quotes += line.charAt(i) == '\'' ? 1 : 0;
    }
    boolean openAtEnd = inLiteral ^ (quotes % 2 == 1);
    int hideFrom = inLiteral ? 0 : line.indexOf('\'');
    int hideTo = openAtEnd ? line.length() : line.lastIndexOf('\'') + 1;
    String withoutQuoted = hideFrom < 0 ? line : line.substring(0, hideFrom) + '?' + line.substring(hideTo);
    // PostgreSQL's details: Key (email)=(selvi@example.com) already exists.
    int valuesStart = withoutQuoted.indexOf(")=(");
    int valuesEnd = withoutQuoted.lastIndexOf(')');
    if (valuesStart >= 0 && valuesEnd > valuesStart + 2) {
      withoutQuoted = withoutQuoted.substring(0, valuesStart + 3) + '?' + withoutQuoted.substring(valuesEnd);
    }
    boolean inName = false;
    boolean inNumber = false;
    for (int i = 0; i < withoutQuoted.length(); i++) {
      char c = withoutQuoted.charAt(i);
      if (Character.isDigit(c) && !inName) {
        if (!inNumber) {
          into.append('?');
          inNumber = true;
        }
        continue;
      }
      if (inNumber && (c == '.' || c == 'e' || c == 'E') && i + 1 < withoutQuoted.length() && Character.isDigit(withoutQuoted.charAt(i + 1))) {
        continue;
      }
      inNumber = false;
      inName = Character.isLetterOrDigit(c) || c == '_' || c == '$';
      into.append(c);
    }
    return openAtEnd;
  }
}
