package io.malar.agent.bridge;

/** Static entry points the Redis client advice calls; the core installs the hook at start-up. */
public final class RedisBridge {
  private static volatile RedisHook hook = new Noop();

  private RedisBridge() {}

  public static void install(RedisHook newHook) {
    hook = newHook;
  }

  public static Object enterCommand(byte[] command, int argumentCount) {
    return hook.enterCommand(command, argumentCount);
  }

  public static Object enterClientCall() {
    return hook.enterClientCall();
  }

  public static Object enterBatch(Object batch, String operation) {
    return hook.enterBatch(batch, operation);
  }

  public static void exit(Object token, Throwable thrown) {
    if (token != null) {
      hook.exit(token, thrown);
    }
  }

  public static Object enterQueueing(Object batch) {
    return hook.enterQueueing(batch);
  }

  public static void exitQueueing(Object token, Throwable thrown) {
    if (token != null) {
      hook.exitQueueing(token, thrown);
    }
  }

  public static void commandSending(byte[] command, int argumentCount) {
    hook.commandSending(command, argumentCount);
  }

  public static void commandSent(Object connection, Object socket) {
    hook.commandSent(connection, socket);
  }

  public static void databaseSelected(Object connection, int index) {
    hook.databaseSelected(connection, index);
  }

  private static final class Noop implements RedisHook {
    @Override
    public Object enterCommand(byte[] command, int argumentCount) {
      return null;
    }

    @Override
    public Object enterClientCall() {
      return null;
    }

    @Override
    public Object enterBatch(Object batch, String operation) {
      return null;
    }

    @Override
    public void exit(Object token, Throwable thrown) {}

    @Override
    public Object enterQueueing(Object batch) {
      return null;
    }

    @Override
    public void exitQueueing(Object token, Throwable thrown) {}

    @Override
    public void commandSending(byte[] command, int argumentCount) {}

    @Override
    public void commandSent(Object connection, Object socket) {}

    @Override
    public void databaseSelected(Object connection, int index) {}
  }
}
