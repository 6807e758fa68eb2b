package io.malar.agent.bridge;

import java.util.List;

/** Static entry points of the {@link CacheReadHook}; a feature installs the hook at start-up. */
public final class CacheReadBridge {
  private static volatile CacheReadHook hook = new Noop();

  private CacheReadBridge() {}

  public static void install(CacheReadHook newHook) {
    hook = newHook;
  }

  public static boolean isRead(byte[] command) {
    return hook.isRead(command);
  }

  public static void replied(byte[] command, List<byte[]> arguments, Object reply) {
    hook.replied(command, arguments, reply);
  }

  public static void repliedEncoded(byte[] command, byte[] arguments, Object reply) {
    hook.repliedEncoded(command, arguments, reply);
  }

  private static final class Noop implements CacheReadHook {
    @Override
    public boolean isRead(byte[] command) {
      return false;
    }

    @Override
    public void replied(byte[] command, List<byte[]> arguments, Object reply) {}

    @Override
    public void repliedEncoded(byte[] command, byte[] arguments, Object reply) {}
  }
}
