package io.malar.agent.bridge;

import java.util.function.BiFunction;

/**
 * Static entry points of the advice on the application's own OpenTelemetry API: its global
 * {@code OpenTelemetry} and its context storage are replaced by helpers that forward to the agent's.
 * Without a hook, or when the hook fails, the application keeps what its API returned.
 */
public final class OtelApiBridge {
  private static volatile OtelApiHook hook;

  private OtelApiBridge() {}

  public static void install(OtelApiHook newHook) {
    hook = newHook;
  }

  /** What {@code GlobalOpenTelemetry.get()} of the API in {@code globalType}'s loader returns. */
  public static Object openTelemetry(Class<?> globalType, Object original) {
    return bridged(OtelApiHook::openTelemetry, globalType, original);
  }

  /** What {@code ContextStorage.get()} of the API in {@code storageType}'s loader returns. */
  public static Object contextStorage(Class<?> storageType, Object original) {
    return bridged(OtelApiHook::contextStorage, storageType, original);
  }

  private static Object bridged(BiFunction<OtelApiHook, Class<?>, Object> helper, Class<?> apiType, Object original) {
    OtelApiHook current = hook;
    if (current == null) {
      return original;
    }
    try {
      Object bridged = helper.apply(current, apiType);
      return bridged == null ? original : bridged;
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return original;
    }
  }
}
