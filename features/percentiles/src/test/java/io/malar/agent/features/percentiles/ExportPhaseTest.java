package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExportPhaseTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void theFirstSwapComesATenthOfTheIntervalBeforeTheNextExport() {
    ExportPhase phase = new ExportPhase(1_000 * SECOND);
    // exports at 1000 s + k * 10 s; the swapper starts 0.3 s after the schedule: swap at 1009 s
    assertThat(phase.firstSwapDelayNanos(1_000 * SECOND + 3 * SECOND / 10, 10 * SECOND)).isEqualTo(87 * SECOND / 10);
  }

  @Test
  void theLeadIsAtMostOneSecond() {
    ExportPhase phase = new ExportPhase(0);
    assertThat(phase.firstSwapDelayNanos(5 * SECOND, 60 * SECOND)).isEqualTo(54 * SECOND);
  }

  @Test
  void tooCloseToAnExportTheFirstSwapWaitsForTheOneAfter() {
    ExportPhase phase = new ExportPhase(0);
    // 9.5 s into a 10 s interval: the swap for the export at 10 s is already past its moment
    assertThat(phase.firstSwapDelayNanos(95 * SECOND / 10, 10 * SECOND)).isEqualTo(95 * SECOND / 10);
  }
}
