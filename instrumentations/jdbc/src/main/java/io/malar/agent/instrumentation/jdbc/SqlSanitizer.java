package io.malar.agent.instrumentation.jdbc;

import java.util.Locale;

/**
 * Turns a raw SQL statement into text that is safe to record, in one linear pass without regular
 * expressions, and never throws.
 *
 * <p>The output:
 *
 * <ul>
 *   <li>every literal becomes {@code ?}: quoted strings (including {@code E'..'}, {@code N'..'},
 *       {@code X'..'}, {@code B'..'}, {@code U&'..'}, MySQL {@code _charset'..'} and {@code
 *       "..."}, PostgreSQL {@code $tag$..$tag$}) and numbers of any form ({@code 42}, {@code
 *       1.5E-3}, {@code 0xFF}); a sign before a number stays, so {@code -7} becomes {@code -?};
 *   <li>{@code TRUE}, {@code FALSE}, {@code NULL}, keywords, identifiers (quoted or not) and
 *       placeholders ({@code ?}, {@code :name}, {@code $1}) are kept as written;
 *   <li>comments ({@code --}, {@code /* *}{@code /}, and {@code #} in MySQL) are removed, as they
 *       may carry secrets; whitespace runs become one space and the result is trimmed;
 *   <li>a list after {@code IN} holding only literals and placeholders becomes {@code (?)};
 *   <li>a row after {@code VALUES} holding only literals and placeholders becomes one {@code ?}
 *       per column joined by {@code ", "}, e.g. {@code (?, ?)}, and the rows of the same width
 *       that directly follow it are dropped: {@code VALUES (1,'a'),(2,'b')} becomes {@code VALUES
 *       (?, ?)};
 *   <li>an unterminated string or quoted identifier turns the rest of the statement into {@code
 *       ?}, an unterminated comment removes it;
 *   <li>text longer than {@link #MAX_LENGTH} is cut there and ends with {@code ...}; the cut is
 *       made after sanitizing, so it can never expose part of a literal.
 * </ul>
 */
public final class SqlSanitizer {
  /** Length at which the sanitized text is cut, before the trailing {@code ...}. */
  public static final int MAX_LENGTH = 2000;

  /** Longer than any qualified table name a database accepts; a longer one is no collection. */
  static final int MAX_COLLECTION_LENGTH = 512;

  // Token kinds
  private static final int WORD = 0;
  private static final int QUOTED_IDENT = 1;
  private static final int LITERAL = 2;
  private static final int PLACEHOLDER = 3;
  private static final int PUNCT = 4;

  // What the previous token was, as far as starting a list goes
  private static final int OTHER = 0;
  private static final int IN = 1;
  private static final int VALUES = 2;

  // List collapsing states
  private static final int IDLE = 0;
  private static final int EXPECT_ELEMENT = 1;
  private static final int AFTER_SIGN = 2;
  private static final int AFTER_ELEMENT = 3;
  private static final int ROW_END = 4;
  private static final int ROW_COMMA = 5;

  // Operation and collection search phases
  private static final int FIND_OPERATION = 0;
  private static final int FIND_MAIN_STATEMENT = 1;
  private static final int FIND_TRIGGER = 2;
  private static final int NAME_PART = 3;
  private static final int AFTER_NAME_PART = 4;
  private static final int DONE = 5;

  // Keyword after which the collection name comes; UPDATE is the operation itself
  private static final String FROM = "FROM";
  private static final String INTO = "INTO";
  private static final String TABLE = "TABLE";

  private final String sql;
  private final int length;
  private final boolean mysql;
  private final CappedText out;
  private int pos;
  private boolean pendingSpace;

  private int previous = OTHER;
  private int listState = IDLE;
  private boolean listIsValues;
  private boolean continuationRow;
  private int listStart;
  private int listCount;
  private int rowSeparatorStart;
  private int valuesWidth;

  private int phase = FIND_OPERATION;
  private int depth;
  private int operationDepth;
  private String operation;
  private String trigger;
  private StringBuilder name;
  private String collection;

  private SqlSanitizer(String sql, SqlDialect dialect) {
    this.sql = sql;
    this.length = sql.length();
    this.mysql = dialect == SqlDialect.MYSQL;
    // one character more than is kept tells the result that the text is longer
    this.out = new CappedText(MAX_LENGTH + 1, length);
  }

  /** Sanitizes {@code sql}; a null statement counts as empty and a null dialect as STANDARD. */
  public static SanitizedSql sanitize(String sql, SqlDialect dialect) {
    SqlSanitizer sanitizer = new SqlSanitizer(sql == null ? "" : sql, dialect);
    sanitizer.scan();
    return sanitizer.result();
  }

  private void scan() {
    while (pos < length) {
      char c = sql.charAt(pos);
      char next = pos + 1 < length ? sql.charAt(pos + 1) : 0;
      if (c <= ' ' || Character.isWhitespace(c)) {
        pendingSpace = true;
        pos++;
      } else if ((c == '-' && next == '-') || (c == '#' && mysql)) {
        skipLineComment();
      } else if (c == '/' && next == '*') {
        skipBlockComment();
      } else if (c == '\'') {
        quotedLiteral(pos + 1, '\'', mysql);
      } else if (c == '"') {
        if (mysql) {
          quotedLiteral(pos + 1, '"', true);
        } else {
          quotedIdentifier();
        }
      } else if (c == '`') {
        quotedIdentifier();
      } else if (c == '$' && !mysql) {
        dollar();
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
        number();
      } else if (c == '?') {
        token(PLACEHOLDER, pos, pos + 1);
        pos++;
      } else if (c == ':' && isIdentifierStart(next) && (pos == 0 || sql.charAt(pos - 1) != ':')) {
        // :name is a parameter, but the second colon of a PostgreSQL :: cast is not
        int end = identifierEnd(pos + 1);
        token(PLACEHOLDER, pos, end);
        pos = end;
      } else if (isIdentifierStart(c)) {
        word();
      } else {
        token(PUNCT, pos, pos + 1);
        pos++;
      }
    }
  }

  private void skipLineComment() {
    while (pos < length && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
      pos++;
    }
    pendingSpace = true;
  }

  private void skipBlockComment() {
    // PostgreSQL nests block comments; MySQL ends one at the first */
    int nesting = 1;
    int i = pos + 2;
    while (i < length) {
      char c = sql.charAt(i);
      char next = i + 1 < length ? sql.charAt(i + 1) : 0;
      if (c == '*' && next == '/') {
        i += 2;
        if (--nesting == 0) {
          break;
        }
      } else if (c == '/' && next == '*' && !mysql) {
        i += 2;
        nesting++;
      } else {
        i++;
      }
    }
    pos = i;
    pendingSpace = true;
  }

  /** A string whose content starts at {@code from}; unterminated, it swallows the rest. */
  private void quotedLiteral(int from, char quote, boolean backslashEscapes) {
    int end = quotedEnd(from, quote, backslashEscapes);
    token(LITERAL, 0, 0);
    pos = end < 0 ? length : end;
  }

  private void quotedIdentifier() {
    int end = quotedEnd(pos + 1, sql.charAt(pos), false);
    if (end < 0) {
      // the quote may really have opened a string, so hide the rest
      token(LITERAL, 0, 0);
      pos = length;
    } else {
      token(QUOTED_IDENT, pos, end);
      pos = end;
    }
  }

  /** The index after the closing quote, or -1 when there is none. */
  private int quotedEnd(int from, char quote, boolean backslashEscapes) {
    int i = from;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c != quote) {
        i++;
      } else if (i + 1 < length && sql.charAt(i + 1) == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return -1;
  }

  /** PostgreSQL $1 parameters and $$...$$ or $tag$...$tag$ strings. */
  private void dollar() {
    int i = pos + 1;
    if (i < length && isAsciiDigit(sql.charAt(i))) {
      while (i < length && isAsciiDigit(sql.charAt(i))) {
        i++;
      }
      token(PLACEHOLDER, pos, i);
      pos = i;
      return;
    }
    if (i < length && isIdentifierStart(sql.charAt(i))) {
      i++;
      while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
        i++;
      }
    }
    if (i < length && sql.charAt(i) == '$') {
      String tag = sql.substring(pos, i + 1);
      int close = sql.indexOf(tag, i + 1);
      token(LITERAL, 0, 0);
      pos = close < 0 ? length : close + tag.length();
    } else {
      token(PUNCT, pos, pos + 1);
      pos++;
    }
  }

  private void number() {
    // trailing letters and digits belong to the literal too (0xFF, 1e10, 12abc), so none leak
    int i = pos;
    while (i < length) {
      char c = sql.charAt(i);
      if (isIdentifierPart(c) || c == '.') {
        i++;
      } else if ((c == '+' || c == '-')
          && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
          && i + 1 < length
          && Character.isDigit(sql.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    token(LITERAL, 0, 0);
    pos = i;
  }

  private void word() {
    int end = identifierEnd(pos + 1);
    char next = end < length ? sql.charAt(end) : 0;
    if (next == '\'' || (next == '"' && mysql)) {
      if (isStringPrefix(pos, end)) {
        char first = sql.charAt(pos);
        quotedLiteral(end + 1, next, mysql || first == 'E' || first == 'e');
        return;
      }
    } else if (next == '&'
        && end - pos == 1
        && (sql.charAt(pos) == 'U' || sql.charAt(pos) == 'u')
        && end + 1 < length
        && sql.charAt(end + 1) == '\'') {
      quotedLiteral(end + 2, '\'', false);
      return;
    }
    token(WORD, pos, end);
    pos = end;
  }

  /** E, N, X and B mark strings everywhere; MySQL also has charset introducers like _utf8mb4. */
  private boolean isStringPrefix(int start, int end) {
    char first = sql.charAt(start);
    if (end - start == 1) {
      switch (Character.toUpperCase(first)) {
        case 'E':
        case 'N':
        case 'X':
        case 'B':
          return true;
        default:
          return false;
      }
    }
    return mysql && first == '_';
  }

  private int identifierEnd(int from) {
    int i = from;
    while (i < length && isIdentifierPart(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Writes one token: literals as ?, everything else as written. */
  private void token(int kind, int start, int end) {
    int beforeSpace = out.length();
    if (pendingSpace && beforeSpace > 0) {
      out.append(' ');
    }
    pendingSpace = false;
    int mark = out.length();
    if (kind == LITERAL) {
      out.append('?');
    } else {
      out.append(sql, start, end);
    }
    char punct = kind == PUNCT ? sql.charAt(start) : 0;
    trackStatement(kind, start, end, punct);
    trackList(kind, punct, beforeSpace, mark);
    previous = kind == WORD ? listKeyword(start, end) : OTHER;
  }

  private void trackList(int kind, char punct, int beforeSpace, int mark) {
    int state = listState;
    listState = IDLE;
    boolean element = kind == LITERAL || kind == PLACEHOLDER;
    if (state == EXPECT_ELEMENT || state == AFTER_SIGN) {
      if (element) {
        listCount++;
        listState = AFTER_ELEMENT;
        return;
      }
      if (state == EXPECT_ELEMENT && (punct == '-' || punct == '+')) {
        listState = AFTER_SIGN;
        return;
      }
    } else if (state == AFTER_ELEMENT) {
      if (punct == ',') {
        listState = EXPECT_ELEMENT;
        return;
      }
      if (punct == ')') {
        closeList();
        return;
      }
    } else if (state == ROW_END && punct == ',') {
      listState = ROW_COMMA;
      rowSeparatorStart = beforeSpace;
      return;
    }
    // anything else means the list is not plain and stays as written
    if (punct == '(' && (state == ROW_COMMA || previous == IN || previous == VALUES)) {
      listState = EXPECT_ELEMENT;
      listIsValues = state == ROW_COMMA || previous == VALUES;
      continuationRow = state == ROW_COMMA;
      listStart = mark;
      listCount = 0;
    }
  }

  private void closeList() {
    if (!listIsValues) {
      out.truncate(listStart);
      out.append("(?)");
      return;
    }
    if (continuationRow && listCount == valuesWidth) {
      out.truncate(rowSeparatorStart);
    } else {
      out.truncate(listStart);
      out.append('(');
      for (int i = 0; i < listCount; i++) {
        out.append(i == 0 ? "?" : ", ?");
      }
      out.append(')');
      if (!continuationRow) {
        valuesWidth = listCount;
      }
    }
    listState = ROW_END;
  }

  private int listKeyword(int start, int end) {
    if (is(start, end, "IN")) {
      return IN;
    }
    // MySQL accepts VALUE as well
    if (is(start, end, "VALUES") || is(start, end, "VALUE")) {
      return VALUES;
    }
    return OTHER;
  }

  private void trackStatement(int kind, int start, int end, char punct) {
    if (punct == '(') {
      depth++;
    } else if (punct == ')') {
      depth--;
    }
    switch (phase) {
      case FIND_OPERATION:
        if (kind == WORD) {
          operation = upperCaseKeyword(start, end);
          operationDepth = depth;
          beginStatement();
        } else if (kind == LITERAL || kind == QUOTED_IDENT) {
          phase = DONE;
        }
        break;
      case FIND_MAIN_STATEMENT:
        if (kind == WORD && depth == operationDepth) {
          String keyword = upperCaseKeyword(start, end);
          if ("SELECT".equals(keyword)
              || "INSERT".equals(keyword)
              || "UPDATE".equals(keyword)
              || "DELETE".equals(keyword)
              || "MERGE".equals(keyword)) {
            operation = keyword;
            beginStatement();
          }
        }
        break;
      case FIND_TRIGGER:
        if (kind == WORD && depth == operationDepth && is(start, end, trigger)) {
          phase = NAME_PART;
        }
        break;
      case NAME_PART:
        namePart(kind, start, end);
        break;
      case AFTER_NAME_PART:
        if (name.length() > MAX_COLLECTION_LENGTH) {
          // no table has such a name: it would make a span name of any length
          name = null;
          phase = DONE;
        } else if (punct == '.') {
          name.append('.');
          phase = NAME_PART;
        } else {
          // FROM f(...) reads a table function, not a table
          collection = punct == '(' && trigger == FROM ? null : name.toString();
          phase = DONE;
        }
        break;
      default:
        break;
    }
  }

  /** Decides, from the operation, where its collection name is found. */
  private void beginStatement() {
    if (operation == null) {
      phase = DONE;
      return;
    }
    phase = FIND_TRIGGER;
    switch (operation) {
      case "SELECT":
      case "DELETE":
        trigger = FROM;
        break;
      case "INSERT":
      case "REPLACE":
      case "MERGE":
        trigger = INTO;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
        trigger = TABLE;
        break;
      case "UPDATE":
        trigger = null;
        phase = NAME_PART;
        break;
      case "WITH":
        phase = FIND_MAIN_STATEMENT;
        break;
      default:
        phase = DONE;
        break;
    }
  }

  private void namePart(int kind, int start, int end) {
    if (kind == WORD) {
      if (is(start, end, "ONLY")
          || (trigger == TABLE
              && (is(start, end, "IF") || is(start, end, "NOT") || is(start, end, "EXISTS")))) {
        return;
      }
      nameBuffer().append(sql, start, end);
      phase = AFTER_NAME_PART;
    } else if (kind == QUOTED_IDENT) {
      StringBuilder buffer = nameBuffer();
      char quote = sql.charAt(start);
      for (int i = start + 1; i < end - 1; i++) {
        char c = sql.charAt(i);
        buffer.append(c);
        if (c == quote) {
          i++; // a doubled quote stands for one
        }
      }
      phase = AFTER_NAME_PART;
    } else {
      // a subquery, a parameter or something else that is not a plain name
      phase = DONE;
    }
  }

  private StringBuilder nameBuffer() {
    if (name == null) {
      name = new StringBuilder(32);
    }
    return name;
  }

  private SanitizedSql result() {
    if (phase == AFTER_NAME_PART && name.length() <= MAX_COLLECTION_LENGTH) {
      collection = name.toString();
    }
    String text;
    if (out.length() > MAX_LENGTH) {
      int cut = MAX_LENGTH;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      text = out.substring(0, cut) + "...";
    } else {
      text = out.toString();
    }
    return new SanitizedSql(text, operation, collection);
  }

  /** The word in upper case when it is made of ASCII letters only, as keywords are; else null. */
  private String upperCaseKeyword(int start, int end) {
    for (int i = start; i < end; i++) {
      char c = sql.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return null;
      }
    }
    return sql.substring(start, end).toUpperCase(Locale.ROOT);
  }

  private boolean is(int start, int end, String keyword) {
    int size = keyword.length();
    return end - start == size && sql.regionMatches(true, start, keyword, 0, size);
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
