package io.malar.agent.bridge;

/** Static entry points of the {@link AsyncRedisHook}; the core installs the hook at start-up. */
public final class AsyncRedisBridge {
  private static volatile AsyncRedisHook hook = new Noop();

  private AsyncRedisBridge() {}

  public static void install(AsyncRedisHook newHook) {
    hook = newHook;
  }

  public static void commandAssembled(Object command) {
    hook.commandAssembled(command);
  }

  public static void commandDispatched(Object command, byte[] name, int argumentCount) {
    hook.commandDispatched(command, name, argumentCount);
  }

  public static void commandWritten(Object command, Object connection, Object remoteAddress, int selectedDatabase) {
    hook.commandWritten(command, connection, remoteAddress, selectedDatabase);
  }

  public static void commandCompleted(Object command, Throwable failure) {
    hook.commandCompleted(command, failure);
  }

  public static void commandCancelled(Object command) {
    hook.commandCancelled(command);
  }

  public static void clientLoaded(Class<?> clientClass) {
    hook.clientLoaded(clientClass);
  }

  private static final class Noop implements AsyncRedisHook {
    @Override
    public void commandAssembled(Object command) {}

    @Override
    public void commandDispatched(Object command, byte[] name, int argumentCount) {}

    @Override
    public void commandWritten(Object command, Object connection, Object remoteAddress, int selectedDatabase) {}

    @Override
    public void commandCompleted(Object command, Throwable failure) {}

    @Override
    public void commandCancelled(Object command) {}

    @Override
    public void clientLoaded(Class<?> clientClass) {}
  }
}
