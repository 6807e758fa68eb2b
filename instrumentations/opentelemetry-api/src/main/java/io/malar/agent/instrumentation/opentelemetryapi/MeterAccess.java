package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelInstrument;
import io.malar.agent.bridge.AgentOtelMeasurement;
import io.malar.agent.bridge.AgentOtelMeter;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

/**
 * One of the agent's meters: builds the instrument the application described. Descriptions and
 * units arrive as empty strings when the application set none, as the SDK expects.
 */
final class MeterAccess implements AgentOtelMeter {
  private final Meter meter;

  MeterAccess(Meter meter) {
    this.meter = meter;
  }

  @Override
  public AgentOtelInstrument instrument(String kind, boolean longValues, String name, String description, String unit) {
    switch (kind) {
      case COUNTER:
        LongCounterBuilder counter = meter.counterBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? InstrumentAccess.ofLongs(counter.build()::add) : InstrumentAccess.ofDoubles(counter.ofDoubles().build()::add);
      case UP_DOWN_COUNTER:
        LongUpDownCounterBuilder upDown = meter.upDownCounterBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? InstrumentAccess.ofLongs(upDown.build()::add) : InstrumentAccess.ofDoubles(upDown.ofDoubles().build()::add);
      case HISTOGRAM:
        DoubleHistogramBuilder histogram = meter.histogramBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? InstrumentAccess.ofLongs(histogram.ofLongs().build()::record) : InstrumentAccess.ofDoubles(histogram.build()::record);
      default:
        throw new IllegalArgumentException("no synchronous instrument of kind " + kind);
    }
  }

  @Override
  public Runnable observe(
      String kind, boolean longValues, String name, String description, String unit, Consumer<AgentOtelMeasurement> callback) {
    Consumer<ObservableLongMeasurement> longs = measurement -> callback.accept(MeasurementAccess.ofLongs(measurement));
    Consumer<ObservableDoubleMeasurement> doubles = measurement -> callback.accept(MeasurementAccess.ofDoubles(measurement));
    switch (kind) {
      case COUNTER:
        LongCounterBuilder counter = meter.counterBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? counter.buildWithCallback(longs)::close : counter.ofDoubles().buildWithCallback(doubles)::close;
      case UP_DOWN_COUNTER:
        LongUpDownCounterBuilder upDown = meter.upDownCounterBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? upDown.buildWithCallback(longs)::close : upDown.ofDoubles().buildWithCallback(doubles)::close;
      case GAUGE:
        DoubleGaugeBuilder gauge = meter.gaugeBuilder(name).setDescription(description).setUnit(unit);
        return longValues ? gauge.ofLongs().buildWithCallback(longs)::close : gauge.buildWithCallback(doubles)::close;
      default:
        throw new IllegalArgumentException("no asynchronous instrument of kind " + kind);
    }
  }

}
