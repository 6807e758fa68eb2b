package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.SummaryPointData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5,000 distinct statements against the default cap: 1,000 keys of their own, the rest in one overflow key. */
class CardinalityCapTest {
  @Test
  void statementsPastTheCapGoToTheOverflowKeyAndAreCounted() {
    LatencySpanProcessor processor = new LatencySpanProcessor(1000);
    TestSpans spans = new TestSpans(processor);
    for (int i = 0; i < 5_000; i++) {
      spans.sql("postgresql", "SELECT", "t" + i, "SELECT a FROM t" + i + " WHERE b = ?", 100);
    }
    for (int i = 0; i < 5_000; i++) {
      spans.sql("postgresql", "SELECT", "t" + i, "SELECT a FROM t" + i + " WHERE b = ?", 100);
    }
    new IntervalSwapper(processor.families(), (families, start, end) -> {}).swap();

    KeyFamily family = processor.sql().family();
    assertThat(family.size()).isEqualTo(1000);
    assertThat(processor.sql().indexSize()).isEqualTo(1000);
    assertThat(family.refused()).isEqualTo(8_000);

    MetricData metric =
        new SummaryMetricProducer(processor.families(), 0).produce(Resource.empty()).stream()
            .filter(m -> m.getName().equals("malar.db.client.latency"))
            .findFirst()
            .orElseThrow();
    List<SummaryPointData> points = List.copyOf(metric.getSummaryData().getPoints());
    assertThat(points).hasSize(1001);
    SummaryPointData overflow =
        points.stream().filter(p -> Boolean.TRUE.equals(p.getAttributes().get(KeyFamily.OVERFLOW))).findFirst().orElseThrow();
    assertThat(overflow.getCount()).isEqualTo(8_000);
    assertThat(overflow.getAttributes().size()).isEqualTo(1);
    assertThat(points).filteredOn(p -> p != overflow).allSatisfy(p -> assertThat(p.getCount()).isEqualTo(2));
  }
}
