package io.malar.agent.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLogFileTest {
  @AfterEach
  void backToStderr() throws IOException {
    AgentLog.useFile("");
  }

  @Test
  void linesAreAppendedToTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.log");
    Files.writeString(file, "earlier line\n");

    AgentLog.useFile(file.toString());
    AgentLog.warn("slow_query: test", "duration_ms", 812L);
    AgentLog.info("second");

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("earlier line");
    assertThat(lines.get(1)).contains("\"level\":\"WARN\"", "\"message\":\"slow_query: test\"", "\"duration_ms\":812");
    assertThat(lines.get(2)).contains("\"message\":\"second\"");
  }

  @Test
  void aFileThatCannotBeOpenedLeavesTheLogOnStderr(@TempDir Path dir) throws IOException {
    Path notAFile = Files.createDirectory(dir.resolve("a-directory"));
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      AgentLog.useFile("");
      assertThatThrownBy(() -> AgentLog.useFile(notAFile.toString())).isInstanceOf(IOException.class);
      AgentLog.info("still logged");
    } finally {
      System.setErr(stderr);
    }

    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("\"message\":\"still logged\""));
  }
}
