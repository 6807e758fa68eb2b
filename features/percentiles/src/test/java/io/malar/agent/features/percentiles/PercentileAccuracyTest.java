package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.SummaryPointData;
import io.opentelemetry.sdk.metrics.data.ValueAtQuantile;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reported percentile against the exact one from the sorted raw samples: within 0.1%. */
class PercentileAccuracyTest {
  private static final int SAMPLES = 100_000;

  @ParameterizedTest
  @ValueSource(strings = {"uniform", "log-normal", "bimodal", "outliers"})
  void reportedPercentilesAreWithinOneThousandthOfTheExactOnes(String distribution) {
    Random random = new Random(42);
    LongSupplier micros = distribution(distribution, random);
    long[] samples = new long[SAMPLES];
    LatencySpanProcessor processor = new LatencySpanProcessor(1000);
    TestSpans spans = new TestSpans(processor);
    for (int i = 0; i < SAMPLES; i++) {
      samples[i] = micros.getAsLong();
      spans.server("GET", "/api/v1/" + distribution, 200, samples[i]);
    }
    IntervalSwapper swapper = new IntervalSwapper(processor.families(), (families, start, end) -> {});
    swapper.swap();
    Arrays.sort(samples);

    SummaryPointData point = onlyPoint(new SummaryMetricProducer(processor.families(), 0).produce(Resource.empty()));
    assertThat(point.getCount()).isEqualTo(SAMPLES);
    assertThat(point.getAttributes().asMap()).hasSize(3);
    assertThat(point.getValues()).extracting(ValueAtQuantile::getQuantile).containsExactly(0.5, 0.9, 0.95, 0.99, 0.999, 1.0);
    for (ValueAtQuantile reported : point.getValues()) {
      double exact = exact(samples, reported.getQuantile()) / 1e6;
      assertThat(reported.getValue())
          .as("%s p%s", distribution, reported.getQuantile() * 100)
          .isCloseTo(exact, within(exact * 0.001));
    }
    assertThat(point.getSum()).isCloseTo(Arrays.stream(samples).sum() / 1e6, within(Arrays.stream(samples).sum() / 1e6 * 0.001));
  }

  /** The nearest-rank percentile: the smallest sample with at least q of all samples at or below it. */
  private static long exact(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static SummaryPointData onlyPoint(java.util.Collection<MetricData> metrics) {
    assertThat(metrics).hasSize(1);
    List<SummaryPointData> points = List.copyOf(metrics.iterator().next().getSummaryData().getPoints());
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  private static LongSupplier distribution(String name, Random random) {
    switch (name) {
      case "uniform":
        return () -> 1 + random.nextInt(1_000_000);
      case "log-normal":
        return () -> Math.round(Math.exp(Math.log(20_000) + random.nextGaussian()));
      case "bimodal":
        return () -> random.nextDouble() < 0.7
            ? Math.max(1, Math.round(5_000 + 1_000 * random.nextGaussian()))
            : Math.max(1, Math.round(200_000 + 20_000 * random.nextGaussian()));
      case "outliers":
        return () -> random.nextDouble() < 0.005 ? 30_000_000 + random.nextInt(30_000_000) : 1_000 + random.nextInt(9_000);
      default:
        throw new IllegalArgumentException(name);
    }
  }
}
