package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelMeasurement;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;

/** Where the application's callback records into the agent's asynchronous instrument. */
final class MeasurementAccess implements AgentOtelMeasurement {
  private final ObjLongConsumer<Attributes> longs;
  private final ObjDoubleConsumer<Attributes> doubles;

  private MeasurementAccess(ObjLongConsumer<Attributes> longs, ObjDoubleConsumer<Attributes> doubles) {
    this.longs = longs;
    this.doubles = doubles;
  }

  static MeasurementAccess ofLongs(ObservableLongMeasurement measurement) {
    return new MeasurementAccess(
        (attributes, value) -> measurement.record(value, attributes),
        (attributes, value) -> measurement.record((long) value, attributes));
  }

  static MeasurementAccess ofDoubles(ObservableDoubleMeasurement measurement) {
    return new MeasurementAccess(
        (attributes, value) -> measurement.record(value, attributes),
        (attributes, value) -> measurement.record(value, attributes));
  }

  @Override
  public void record(long value, Map<String, Object> attributes) {
    longs.accept(AttributeMaps.toAttributes(attributes), value);
  }

  @Override
  public void record(double value, Map<String, Object> attributes) {
    doubles.accept(AttributeMaps.toAttributes(attributes), value);
  }
}
