package io.malar.agent.bridge;

/** Static entry points of the {@link PoolHook}; the core installs the hook at start-up. */
public final class PoolBridge {
  private static volatile PoolHook hook;

  private PoolBridge() {}

  public static void install(PoolHook newHook) {
    hook = newHook;
  }

  public static Object hikariTrackerFactory(Object pool, Object applicationFactory) {
    PoolHook current = hook;
    return current == null ? null : current.hikariTrackerFactory(pool, applicationFactory);
  }

  public static void poolStarted(String library, Object pool, Object owner) {
    PoolHook current = hook;
    if (current != null) {
      current.poolStarted(library, pool, owner);
    }
  }

  public static void connectionWaited(Object pool, long nanos) {
    PoolHook current = hook;
    if (current != null && pool != null) {
      current.connectionWaited(pool, nanos);
    }
  }

  public static void connectionUsed(Object pool, long nanos) {
    PoolHook current = hook;
    if (current != null) {
      current.connectionUsed(pool, nanos);
    }
  }
}
