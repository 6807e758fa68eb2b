package io.malar.agent.features.cachemetrics;

import java.nio.charset.StandardCharsets;

/** The first {@code length} bytes of an ASCII array read as characters, without decoding a copy. */
final class AsciiBytes implements CharSequence {
  private final byte[] bytes;
  private final int length;

  AsciiBytes(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  static boolean isAscii(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " of " + length);
    }
    return (char) bytes[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }
}
