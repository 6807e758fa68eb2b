package io.malar.agent.instrumentation.servlet;

import io.malar.agent.core.util.SecretWords;

/** URL pieces as they may leave the process: no session ids, no secrets in the query. */
final class UrlParts {
  static final String REDACTED = "REDACTED";

  private UrlParts() {}

  /** {@code /a;jsessionid=XYZ/b} -> {@code /a/b}: path parameters often carry session ids. */
  static String pathWithoutParameters(String path) {
    if (path == null || path.indexOf(';') < 0) {
      return path;
    }
    StringBuilder clean = new StringBuilder(path.length());
    boolean inParameter = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == ';') {
        inParameter = true;
      } else if (c == '/') {
        inParameter = false;
      }
      if (!inParameter) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /** Values of parameters whose names look secret become {@code REDACTED}; names stay. */
  static String redactQuery(String query) {
    StringBuilder redacted = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      String pair = query.substring(start, end);
      int equals = pair.indexOf('=');
      if (equals > 0 && looksSecret(pair.substring(0, equals))) {
        redacted.append(pair, 0, equals + 1).append(REDACTED);
      } else {
        redacted.append(pair);
      }
      if (end < query.length()) {
        redacted.append('&');
      }
      start = end + 1;
    }
    return redacted.toString();
  }

  /** {@code HTTP/1.1} -> {@code 1.1}; the common versions without a new string per request. */
  static String protocolVersion(String protocol) {
    if (protocol == null) {
      return null;
    }
    switch (protocol) {
      case "HTTP/1.1":
        return "1.1";
      case "HTTP/1.0":
        return "1.0";
      case "HTTP/2.0":
        return "2.0";
      default:
        break;
    }
    int slash = protocol.indexOf('/');
    return slash >= 0 ? protocol.substring(slash + 1) : protocol;
  }

  /** Compared as the application reads it: {@code %70assword} and {@code pass+word} are passwords too. */
  private static boolean looksSecret(String name) {
    return SecretWords.appearIn(decodedLetters(name));
  }

  /**
   * The name with {@code %XX} escapes decoded and separators ({@code +}, {@code _}, {@code -},
   * {@code .}, spaces) dropped, so {@code api%5Fkey}, {@code API-KEY} and {@code pass+word} all show
   * their words. An escape that is not one stays as written.
   */
  private static String decodedLetters(String name) {
    StringBuilder letters = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%' && i + 2 < name.length() && hex(name.charAt(i + 1)) >= 0 && hex(name.charAt(i + 2)) >= 0) {
        c = (char) (hex(name.charAt(i + 1)) * 16 + hex(name.charAt(i + 2)));
        i += 2;
      }
      if (c != '+' && c != '_' && c != '-' && c != '.' && c != ' ') {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
