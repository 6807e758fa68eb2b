package io.malar.agent.features.slowcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.InvalidSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowCallsSettingsTest {
  private final List<InvalidSetting> problems = new ArrayList<>();

  @AfterEach
  void clear() {
    SlowCallsSettings.all().forEach(setting -> System.clearProperty(setting.key()));
  }

  @Test
  void defaultsAreTheIssuesThresholds() {
    Thresholds thresholds = SlowCallsSettings.thresholds(AgentConfig.load(problems::add));

    assertThat(thresholds.slowQueryNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(thresholds.slowRequestNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
    assertThat(thresholds.slowRedisNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(thresholds.nPlusOneCount()).isEqualTo(10);
    assertThat(thresholds.warningIntervalNanos()).isEqualTo(Duration.ofMinutes(1).toNanos());
    assertThat(problems).isEmpty();
  }

  @Test
  void durationsTakeUnitsAndABadValueFallsBackToTheDefault() {
    System.setProperty("malar.agent.slow-query.threshold", "2s");
    System.setProperty("malar.agent.slow-redis.threshold", "20");
    System.setProperty("malar.agent.slow-request.threshold", "slow");
    System.setProperty("malar.agent.n-plus-one.threshold", "0");

    Thresholds thresholds = SlowCallsSettings.thresholds(AgentConfig.load(problems::add));

    assertThat(thresholds.slowQueryNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
    assertThat(thresholds.slowRedisNanos()).isEqualTo(Duration.ofMillis(20).toNanos());
    assertThat(thresholds.slowRequestNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
    assertThat(thresholds.nPlusOneCount()).isEqualTo(10);
    assertThat(problems)
        .extracting(InvalidSetting::key)
        .containsExactly("malar.agent.slow-request.threshold", "malar.agent.n-plus-one.threshold");
  }
}
