package io.malar.agent.features.cachemetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A command's arguments as written on the wire, RESP bulk strings, back to one byte array each. */
final class RespArguments {
  private RespArguments() {}

  /** The arguments of {@code $<length>\r\n<bytes>\r\n...}; empty when the encoding is not that. */
  static List<byte[]> parse(byte[] encoded) {
    List<byte[]> arguments = new ArrayList<>();
    int i = 0;
    while (i < encoded.length) {
      if (encoded[i++] != '$') {
        return Collections.emptyList();
      }
      int length = 0;
      while (i < encoded.length && encoded[i] != '\r') {
        int digit = encoded[i++] - '0';
        if (digit < 0 || digit > 9) {
          return Collections.emptyList();
        }
        length = length * 10 + digit;
      }
      int start = i + 2; // after \r\n
      if (start + length + 2 > encoded.length) {
        return Collections.emptyList();
      }
      arguments.add(Arrays.copyOfRange(encoded, start, start + length));
      i = start + length + 2;
    }
    return arguments;
  }
}
