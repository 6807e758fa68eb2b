package io.malar.agent.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statements added to a statement's batch since it last ran. Not thread-safe: the owning
 * {@link StatementState} hands it over whole when the batch runs.
 */
final class PendingBatch {
  /** Distinct texts kept besides the first; more are marked by a trailing "; ...". */
  static final int MAX_OTHER_TEXTS = 9;

  private int size;
  private SanitizedSql first;
  private boolean uniform = true;
  private List<String> otherTexts;
  private boolean moreTexts;

  /** {@code sql} is null when the statement's SQL is unknown. */
  void add(SanitizedSql sql) {
    if (size++ == 0) {
      first = sql;
      return;
    }
    if (uniform && !sameShape(first, sql)) {
      uniform = false;
    }
    if (sql != null && (first == null || !first.text().equals(sql.text()))) {
      addOtherText(sql.text());
    }
  }

  private void addOtherText(String text) {
    if (otherTexts == null) {
      otherTexts = new ArrayList<>(4);
    }
    if (otherTexts.contains(text)) {
      return;
    }
    if (otherTexts.size() < MAX_OTHER_TEXTS) {
      otherTexts.add(text);
    } else {
      moreTexts = true;
    }
  }

  int size() {
    return size;
  }

  /** The first statement when every one has its operation and collection, else null. */
  SanitizedSql shape() {
    return uniform ? first : null;
  }

  /**
   * The distinct sanitized texts joined by "; ", whole texts only, within {@link
   * SqlSanitizer#MAX_LENGTH}; null when none is known.
   */
  String queryText() {
    String head = first == null ? null : first.text();
    if (otherTexts == null) {
      return head;
    }
    StringBuilder joined = new StringBuilder(head == null ? "" : head);
    for (String text : otherTexts) {
      if (joined.length() + text.length() + 2 > SqlSanitizer.MAX_LENGTH) {
        return joined.append("; ...").toString();
      }
      if (joined.length() > 0) {
        joined.append("; ");
      }
      joined.append(text);
    }
    return moreTexts ? joined.append("; ...").toString() : joined.toString();
  }

  private static boolean sameShape(SanitizedSql a, SanitizedSql b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.operation(), b.operation()) && Objects.equals(a.collection(), b.collection());
  }
}
