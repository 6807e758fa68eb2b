package io.malar.agent.features.cachemetrics;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CacheReadCounterTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Long> points(String metric) {
    Map<String, Long> points = new TreeMap<>();
    for (MetricData data : reader.collectAllMetrics()) {
      if (data.getName().equals(metric)) {
        for (LongPointData point : data.getLongSumData().getPoints()) {
          Attributes attributes = point.getAttributes();
          points.put(
              attributes.get(io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME)
                  + " "
                  + attributes.get(CacheReadCounter.KEY_PATTERN),
              point.getValue());
        }
      }
    }
    return points;
  }

  @Test
  void countsPerCommandAndPattern() {
    CacheReadCounter counter = new CacheReadCounter(meters.get("test"), 10);
    assertThat(counter.isRead(bytes("GET"))).isTrue();
    assertThat(counter.isRead(bytes("SET"))).isFalse();
    counter.replied(bytes("GET"), Collections.singletonList(bytes("farmer:1")), "x");
    counter.replied(bytes("GET"), Collections.singletonList(bytes("farmer:2")), "x");
    counter.replied(bytes("GET"), Collections.singletonList(bytes("farmer:3")), null);
    counter.repliedEncoded(bytes("GET"), bytes("$9\r\nsession:1\r\n"), null);
    assertThat(points("malar.redis.cache.hits")).containsExactly(Map.entry("GET farmer:*", 2L));
    assertThat(points("malar.redis.cache.misses")).containsExactly(Map.entry("GET farmer:*", 1L), Map.entry("GET other", 1L));
  }

  @Test
  void countsTheSameWhenEveryCallBringsItsOwnCommandArray() {
    CacheReadCounter counter = new CacheReadCounter(meters.get("test"), 10);
    byte[] get = bytes("GET");
    for (int i = 0; i < 1500; i++) {
      counter.replied(i % 2 == 0 ? get : bytes("GET"), Collections.singletonList(bytes("farmer:" + i)), "x");
      assertThat(counter.isRead(bytes("SET"))).isFalse();
    }
    assertThat(points("malar.redis.cache.hits")).containsExactly(Map.entry("GET farmer:*", 1500L));
  }

  @Test
  void patternsPastTheCapAreOther() {
    CacheReadCounter counter = new CacheReadCounter(meters.get("test"), 2);
    for (String key : new String[] {"farmer:1", "entry:1", "village:1", "farmer:2"}) {
      counter.replied(bytes("GET"), Collections.singletonList(bytes(key)), "x");
    }
    assertThat(points("malar.redis.cache.hits"))
        .containsExactly(Map.entry("GET entry:*", 1L), Map.entry("GET farmer:*", 2L), Map.entry("GET other", 1L));
  }
}
