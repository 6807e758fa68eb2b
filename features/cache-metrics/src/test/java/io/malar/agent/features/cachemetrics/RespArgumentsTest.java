package io.malar.agent.features.cachemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespArgumentsTest {
  private static List<byte[]> parse(String encoded) {
    return RespArguments.parse(encoded.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bulkStringsBecomeArguments() {
    List<byte[]> arguments = parse("$8\r\nfarmer:1\r\n$0\r\n\r\n$2\r\n10\r\n");
    assertThat(arguments).hasSize(3);
    assertThat(new String(arguments.get(0), StandardCharsets.UTF_8)).isEqualTo("farmer:1");
    assertThat(arguments.get(1)).isEmpty();
    assertThat(new String(arguments.get(2), StandardCharsets.UTF_8)).isEqualTo("10");
  }

  @Test
  void anotherEncodingGivesNothing() {
    assertThat(parse(":1\r\n")).isEmpty();
    assertThat(parse("$9\r\nfarmer:1\r\n")).isEmpty();
  }
}
