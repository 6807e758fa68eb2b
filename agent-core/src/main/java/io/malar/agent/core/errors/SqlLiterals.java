package io.malar.agent.core.errors;

/**
 * Removes literals from a database driver's error message, which often echoes the statement
 * ({@code ... WHERE name = 'Selvi' ...}) or the offending values. Drivers quote inconsistently
 * (MySQL nests quotes in {@code near '...'}), so on each line everything from the first single
 * quote to the last becomes {@code ?}, as do PostgreSQL's {@code (column)=(values)} and every number
 * that is not part of a name.
 */
public final class SqlLiterals {
  private SqlLiterals() {}

  public static String scrub(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(message.length());
    int lineStart = 0;
    while (lineStart <= message.length()) {
      int lineEnd = message.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = message.length();
      }
      scrubLine(message.substring(lineStart, lineEnd), clean);
      if (lineEnd < message.length()) {
        clean.append('\n');
      }
      lineStart = lineEnd + 1;
    }
    return clean.toString();
  }

  private static void scrubLine(String line, StringBuilder into) {
    int firstQuote = line.indexOf('\'');
    int lastQuote = line.lastIndexOf('\'');
    String withoutQuoted =
        firstQuote < 0 ? line : line.substring(0, firstQuote) + '?' + (lastQuote > firstQuote ? line.substring(lastQuote + 1) : "");
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
  }
}
