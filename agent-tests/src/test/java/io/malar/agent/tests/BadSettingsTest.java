package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JettyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting the agent declares, read from {@code java -jar malar-agent.jar} so that new ones are
 * covered, given garbage, empty, negative, huge and wrong-unit values, and config and log files
 * that cannot be used: the application starts and answers, the agent logs one line per bad key
 * naming the key, the value and the expected form, and runs on the defaults (its spans arrive).
 */
class BadSettingsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern SETTING = Pattern.compile("^  (malar\\.agent\\.\\S+) \\([A-Z0-9_]+\\)$");
  private static final String CONFIG_FILE = "malar.agent.config.file";
  private static final String LOG_FILE = "malar.agent.log.file";

  /** Each declared key and the form it expects, null for free text. */
  private static final Map<String, String> DECLARED = new LinkedHashMap<>();

  @BeforeAll
  static void readDeclaredSettings() throws Exception {
    Process process = new ProcessBuilder(AgentApp.javaExecutable().toString(), "-jar", AgentApp.agentJar()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String[] lines = output.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher setting = SETTING.matcher(lines[i]);
      if (setting.matches()) {
        String expects = i + 2 < lines.length && lines[i + 2].startsWith("      expects: ") ? lines[i + 2].substring(15) : null;
        DECLARED.put(setting.group(1), expects);
      }
    }
    assertThat(DECLARED).containsKeys("malar.agent.enabled", "malar.agent.slow-query.threshold", "malar.agent.sentry.sample-rate", CONFIG_FILE);
    assertThat(DECLARED.values()).contains("true or false", "a duration such as 500ms, 2s or 1m", "a number from 0.0 to 1.0");
  }

  @ParameterizedTest(name = "every setting = \"{0}\"")
  @ValueSource(strings = {"not-a-value", "", "-5", "99999999999999999999", "5 parsecs"})
  void everySettingGivenABadValue(String value) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      AgentApp.Builder builder = AgentApp.main(JettyApp.class).exportingTo(receiver);
      for (String key : DECLARED.keySet()) {
        if (!key.equals(CONFIG_FILE) && !key.equals(LOG_FILE)) {
          builder.property(key, value);
        }
      }
      try (AgentApp app = builder.start()) {
        assertRunsOnDefaults(app, receiver);
        SoftAssertions lines = new SoftAssertions();
        for (Map.Entry<String, String> setting : DECLARED.entrySet()) {
          String key = setting.getKey();
          List<String> about = invalidValueLines(app, key);
          if (setting.getValue() == null || key.equals(CONFIG_FILE) || key.equals(LOG_FILE)) {
            lines.assertThat(about).as("free text %s", key).hasSizeLessThanOrEqualTo(1);
          } else {
            lines.assertThat(about).as(key).singleElement().satisfies(line -> assertThat(line).contains(
                "\"value\":\"" + value + "\"", "\"expected\":\"" + setting.getValue() + "\"", "\"using_default\":"));
          }
        }
        lines.assertAll();
        assertThat(app.agentErrors()).isEmpty();
      }
    }
  }

  @Test
  void aConfigFileThatCannotBeUsed(@TempDir Path dir) throws Exception {
    List<Path> unusable = new ArrayList<>();
    unusable.add(dir);
    unusable.add(dir.resolve("missing.properties"));
    unusable.add(Files.writeString(dir.resolve("agent.yaml"), "malar:\n  agent:\n    enabled: false\n"));
    unusable.add(Files.write(dir.resolve("agent.bin"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1, '\\', 'u', '1', '\n'}));
    for (Path file : unusable) {
      try (OtlpReceiver receiver = OtlpReceiver.start(0);
          AgentApp app = AgentApp.main(JettyApp.class).exportingTo(receiver).property(CONFIG_FILE, file.toString()).start()) {
        assertRunsOnDefaults(app, receiver);
        assertThat(invalidValueLines(app, CONFIG_FILE)).as(file.toString()).singleElement()
            .satisfies(line -> assertThat(line).contains("\"value\":\"" + file + "\"", "a readable Java properties file with malar.agent.* keys"));
      }
    }
  }

  @Test
  void aLogFileThatCannotBeOpenedLeavesTheLogOnStderr(@TempDir Path dir) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app = AgentApp.main(JettyApp.class).exportingTo(receiver).property(LOG_FILE, dir.toString()).start()) {
      assertRunsOnDefaults(app, receiver);
      assertThat(invalidValueLines(app, LOG_FILE)).singleElement()
          .satisfies(line -> assertThat(line).contains("\"value\":\"" + dir + "\"", "a file the agent can append to"));
    }
  }

  private static void assertRunsOnDefaults(AgentApp app, OtlpReceiver receiver) throws Exception {
    assertThat(Http.get(app.port(), "/api/v1/farmers/42").statusCode()).as(app.output()).isEqualTo(200);
    receiver.awaitSpans(span -> "/api/v1/farmers/42".equals(span.attribute("url.path")), 1, WAIT);
    receiver.awaitSpans(span -> "SELECT".equals(span.attribute("db.operation.name")), 1, WAIT);
  }

  private static List<String> invalidValueLines(AgentApp app, String key) {
    return app.stderr().lines()
        .filter(line -> line.contains("invalid configuration value") && line.contains("\"key\":\"" + key + "\""))
        .collect(Collectors.toList());
  }
}
