package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * One of the agent's synchronous instruments: a counter, up-down counter or histogram, of longs or
 * of doubles; a value of the other type is converted.
 */
final class InstrumentAccess implements AgentOtelInstrument {
  interface LongRecorder {
    void record(long value, Attributes attributes, Context context);
  }

  interface DoubleRecorder {
    void record(double value, Attributes attributes, Context context);
  }

  private final LongRecorder longs;
  private final DoubleRecorder doubles;

  private InstrumentAccess(LongRecorder longs, DoubleRecorder doubles) {
    this.longs = longs;
    this.doubles = doubles;
  }

  static InstrumentAccess ofLongs(LongRecorder longs) {
    return new InstrumentAccess(longs, (value, attributes, context) -> longs.record((long) value, attributes, context));
  }

  static InstrumentAccess ofDoubles(DoubleRecorder doubles) {
    return new InstrumentAccess(doubles::record, doubles);
  }

  @Override
  public void record(long value, Map<String, Object> attributes, Object context) {
    longs.record(value, AttributeMaps.toAttributes(attributes), contextOrCurrent(context));
  }

  @Override
  public void record(double value, Map<String, Object> attributes, Object context) {
    doubles.record(value, AttributeMaps.toAttributes(attributes), contextOrCurrent(context));
  }

  private static Context contextOrCurrent(Object context) {
    return context == null ? Context.current() : (Context) context;
  }
}
