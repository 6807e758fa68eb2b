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

  public static Object awaitStarted(Object command) {
    return hook.awaitStarted(command);
  }

  public static void awaitEnded(Object token, Throwable thrown) {
    if (token != null) {
      hook.awaitEnded(token, thrown);
    }
  }

  public static Object callbacksStarting(Object command) {
    return hook.callbacksStarting(command);
  }

  public static void callbacksDone(Object token) {
    if (token != null) {
      hook.callbacksDone(token);
    }
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
    public Object awaitStarted(Object command) {
      return null;
    }

    @Override
    public void awaitEnded(Object token, Throwable thrown) {}

    @Override
    public Object callbacksStarting(Object command) {
      return null;
    }

    @Override
    public void callbacksDone(Object token) {}

    @Override
    public void clientLoaded(Class<?> clientClass) {}
  }
}
