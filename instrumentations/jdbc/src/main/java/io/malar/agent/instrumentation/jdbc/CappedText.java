package io.malar.agent.instrumentation.jdbc;

/**
 * The sanitizer's output, keeping only its first {@code capacity} characters: the rest would be cut
 * from the result anyway, so a statement of any length costs one small buffer and no copying of the
 * text beyond it. Lengths taken from {@link #length} and handed back to {@link #truncate} then keep
 * this text equal to the first {@code capacity} characters of what an unbounded buffer would hold.
 */
final class CappedText {
  private final int capacity;
  private final StringBuilder text;

  CappedText(int capacity, int expectedLength) {
    this.capacity = capacity;
    this.text = new StringBuilder(Math.min(capacity, expectedLength) + 16);
  }

  int length() {
    return text.length();
  }

  char charAt(int index) {
    return text.charAt(index);
  }

  void append(char c) {
    if (text.length() < capacity) {
      text.append(c);
    }
  }

  void append(CharSequence source, int start, int end) {
    int room = capacity - text.length();
    if (room > 0) {
      text.append(source, start, Math.min(end, start + room));
    }
  }

  void append(String source) {
    append(source, 0, source.length());
  }

  /** Goes back to an earlier {@link #length}, dropping what was written since. */
  void truncate(int length) {
    if (length < text.length()) {
      text.setLength(length);
    }
  }

  String substring(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
