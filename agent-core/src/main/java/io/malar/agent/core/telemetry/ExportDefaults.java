package io.malar.agent.core.telemetry;

import java.util.Map;

/**
 * The batch span processor's defaults of the agent, in place of the SDK's (queue 2,048, batches of
 * 512). A busy service on a few cores filled the SDK's queue while its one exporter thread waited
 * for CPU, and dropped spans; a larger queue absorbs those stalls and larger batches make fewer
 * export requests and wake-ups per span. Users' otel.bsp.* properties and OTEL_BSP_* variables win.
 */
final class ExportDefaults {
  static final String QUEUE_SIZE = "otel.bsp.max.queue.size";
  static final String BATCH_SIZE = "otel.bsp.max.export.batch.size";

  private ExportDefaults() {}

  static void putInto(Map<String, String> defaults) {
    defaults.put(QUEUE_SIZE, "8192");
    defaults.put(BATCH_SIZE, "2048");
  }
}
