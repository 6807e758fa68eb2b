package io.malar.agent.bridge;

/**
 * The core's side of the application's OpenTelemetry API: builds, once per copy of the API, the
 * helpers that implement that copy's interfaces. Each method returns null to leave the API alone.
 */
public interface OtelApiHook {
  /** An {@code OpenTelemetry} of the API that {@code globalType} belongs to. */
  Object openTelemetry(Class<?> globalType);

  /** A {@code ContextStorage} of the API that {@code storageType} belongs to. */
  Object contextStorage(Class<?> storageType);
}
