package io.malar.agent.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  private static final Setting FLAG = new Setting("malar.agent.test.flag", "true", "a flag");
  private static final Setting THRESHOLD = new Setting("malar.agent.slow-query.threshold", "500ms", "a duration");
  private static final Setting LIMIT = new Setting("malar.agent.test.limit", "1000", "a count");

  private final Properties system = new Properties();
  private final Map<String, String> environment = new HashMap<>();
  private final List<InvalidSetting> problems = new ArrayList<>();

  private AgentConfig config() {
    return AgentConfig.create(system, environment, problems::add);
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    assertThat(config().bool(FLAG)).isTrue();
    assertThat(config().duration(THRESHOLD)).isEqualTo(Duration.ofMillis(500));
    assertThat(config().positiveInt(LIMIT)).isEqualTo(1000);
    assertThat(problems).isEmpty();
  }

  @Test
  void systemPropertyBeatsEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "malar.agent.slow-query.threshold=3s\nmalar.agent.test.limit=7\nmalar.agent.test.flag=false\n");
    environment.put("MALAR_AGENT_CONFIG_FILE", file.toString());
    environment.put("MALAR_AGENT_SLOW_QUERY_THRESHOLD", "2s");
    system.setProperty("malar.agent.slow-query.threshold", "1s");
    environment.put("MALAR_AGENT_TEST_LIMIT", "8");

    AgentConfig config = config();

    assertThat(config.duration(THRESHOLD)).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.positiveInt(LIMIT)).isEqualTo(8);
    assertThat(config.bool(FLAG)).isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void environmentVariableNamesFollowTheKey() {
    assertThat(THRESHOLD.environmentVariable()).isEqualTo("MALAR_AGENT_SLOW_QUERY_THRESHOLD");
    assertThat(Settings.instrumentationEnabled("jdbc", "").environmentVariable())
        .isEqualTo("MALAR_AGENT_INSTRUMENTATION_JDBC_ENABLED");
  }

  @Test
  void durationsAcceptUnits() {
    String[][] cases = {{"250ms", "PT0.25S"}, {"2s", "PT2S"}, {"1m", "PT1M"}, {"1500", "PT1.5S"}, {" 3s ", "PT3S"}, {"750us", "PT0.00075S"}};
    for (String[] valueAndExpected : cases) {
      system.setProperty(THRESHOLD.key(), valueAndExpected[0]);
      assertThat(config().duration(THRESHOLD)).as(valueAndExpected[0]).isEqualTo(Duration.parse(valueAndExpected[1]));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void badValuesAreReportedOnceEachAndTheDefaultIsUsed() {
    system.setProperty(THRESHOLD.key(), "fast");
    system.setProperty(FLAG.key(), "yes");
    system.setProperty(LIMIT.key(), "-3");
    AgentConfig config = config();

    assertThat(config.duration(THRESHOLD)).isEqualTo(Duration.ofMillis(500));
    assertThat(config.bool(FLAG)).isTrue();
    assertThat(config.positiveInt(LIMIT)).isEqualTo(1000);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0).toString())
        .isEqualTo("invalid value 'fast' for malar.agent.slow-query.threshold: expected a duration such as 500ms, 2s or 1m; using default '500ms'");
    assertThat(problems.get(1).key()).isEqualTo("malar.agent.test.flag");
    assertThat(problems.get(1).expected()).isEqualTo("true or false");
    assertThat(problems.get(2).value()).isEqualTo("-3");
  }

  @Test
  void anUnreadableConfigFileIsReportedAndIgnored(@TempDir Path dir) {
    system.setProperty(Settings.CONFIG_FILE.key(), dir.resolve("missing.properties").toString());
    AgentConfig config = config();

    assertThat(config.bool(FLAG)).isTrue();
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEqualTo("malar.agent.config.file");
      assertThat(problem.expected()).startsWith("a readable Java properties file");
    });
  }

  @Test
  void aDurationTooLongToCountInNanosecondsIsReported() {
    system.setProperty(THRESHOLD.key(), "999999999999m");
    assertThat(config().duration(THRESHOLD)).isEqualTo(Duration.ofMillis(500));
    assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.value()).isEqualTo("999999999999m"));
  }

  @Test
  void portsAcceptZeroAndRefuseWhatNoSocketHas() {
    Setting port = new Setting("malar.agent.test.port", "0", "a port");
    system.setProperty(port.key(), "0");
    assertThat(config().port(port)).isZero();
    system.setProperty(port.key(), "9464");
    assertThat(config().port(port)).isEqualTo(9464);
    assertThat(problems).isEmpty();
    for (String bad : new String[] {"65536", "-1", "http", ""}) {
      system.setProperty(port.key(), bad);
      assertThat(config().port(port)).as(bad).isZero();
    }
    assertThat(problems).extracting(InvalidSetting::expected).containsOnly("a port number from 0 to 65535").hasSize(4);
  }

  @Test
  void fractionsAreBetweenZeroAndOne() {
    Setting rate = new Setting("malar.agent.test.rate", "1.0", "a share");
    system.setProperty(rate.key(), "0.25");
    assertThat(config().fraction(rate)).isEqualTo(0.25);
    system.setProperty(rate.key(), "1.5");
    assertThat(config().fraction(rate)).isEqualTo(1.0);
    system.setProperty(rate.key(), "NaN");
    assertThat(config().fraction(rate)).isEqualTo(1.0);
    assertThat(problems).extracting(InvalidSetting::value).containsExactly("1.5", "NaN");
  }

  @Test
  void aKeyReadTwiceIsReportedOnce() {
    system.setProperty(FLAG.key(), "maybe");
    AgentConfig config = config();
    config.bool(FLAG);
    config.bool(FLAG);
    assertThat(problems).hasSize(1);
  }

  @Test
  void aConfigFileThatIsADirectoryOrNotPropertiesIsReportedAndIgnored(@TempDir Path dir) throws IOException {
    Path yaml = Files.writeString(dir.resolve("agent.yaml"), "malar:\n  agent:\n    test:\n      flag: false\n");
    Path badEscape = Files.writeString(dir.resolve("bad.properties"), "malar.agent.test.flag=\\u12\n");
    for (Path file : new Path[] {dir, yaml, badEscape}) {
      problems.clear();
      system.setProperty(Settings.CONFIG_FILE.key(), file.toString());
      assertThat(config().bool(FLAG)).as(file.toString()).isTrue();
      assertThat(problems).as(file.toString()).singleElement().satisfies(problem -> {
        assertThat(problem.key()).isEqualTo("malar.agent.config.file");
        assertThat(problem.value()).isEqualTo(file.toString());
        assertThat(problem.expected()).startsWith("a readable Java properties file with malar.agent.* keys");
      });
    }
  }

  @Test
  void checkReadsEachSettingByItsFormAndLeavesFreeTextAlone() {
    Setting[] declared = {
      Setting.flag("malar.agent.t.flag", "true", ""),
      Setting.positiveInt("malar.agent.t.count", "5", ""),
      Setting.duration("malar.agent.t.time", "1s", ""),
      new Setting("malar.agent.t.port", "0", "", Setting.Form.PORT),
      new Setting("malar.agent.t.share", "1.0", "", Setting.Form.FRACTION),
      new Setting("malar.agent.t.mode", "a", "", Setting.Form.CHOICE, "a", "b"),
      new Setting("malar.agent.t.text", "", "")
    };
    for (Setting setting : declared) {
      system.setProperty(setting.key(), "5 parsecs");
    }
    AgentConfig config = config();
    for (Setting setting : declared) {
      config.check(setting);
      config.check(setting);
    }
    assertThat(problems).extracting(InvalidSetting::key)
        .containsExactly("malar.agent.t.flag", "malar.agent.t.count", "malar.agent.t.time", "malar.agent.t.port", "malar.agent.t.share", "malar.agent.t.mode");
    assertThat(problems).extracting(InvalidSetting::expected).last().isEqualTo("one of a, b");
  }
}
