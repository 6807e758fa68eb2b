package io.malar.agent.bridge;

import java.util.List;

/**
 * The core's side of the Redis client advice that sees a read command's reply, for cache hit and
 * miss counts. A command travels as its name's raw bytes; the keys and fields it names travel as
 * raw bytes too, and never leave the process.
 */
public interface CacheReadHook {
  /**
   * Whether {@code command} is a read whose reply says hit or miss: the advice gathers arguments
   * and the reply only when it is, so other commands cost this one call.
   */
  boolean isRead(byte[] command);

  /**
   * A read got its reply.
   *
   * @param arguments the command's arguments after its name (keys, fields, options), as sent
   * @param reply what the client decoded: null (nothing there), a Boolean, a Number (how many
   *     keys exist), a List with one element per key or field (null or Boolean.FALSE: not there),
   *     or any other object (a value: there)
   */
  void replied(byte[] command, List<byte[]> arguments, Object reply);

  /**
   * As {@link #replied}, for a client that hands over its arguments as written on the wire: one
   * RESP bulk string each ({@code $<length>\r\n<bytes>\r\n}).
   */
  void repliedEncoded(byte[] command, byte[] arguments, Object reply);
}
