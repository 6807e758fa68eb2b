package io.malar.agent.features.cachemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadShapeTest {
  private final List<String> outcomes = new ArrayList<>();

  private void count(String command, Object reply, String... arguments) {
    List<byte[]> raw = new ArrayList<>();
    for (String argument : arguments) {
      raw.add(argument.getBytes(StandardCharsets.UTF_8));
    }
    ReadShape.of(command)
        .count(raw, reply, (key, hit) -> outcomes.add(new String(key, StandardCharsets.UTF_8) + (hit ? " hit" : " miss")));
  }

  @Test
  void oneKeyReadsCountTheirKey() {
    count("GET", "value", "farmer:1");
    count("GET", null, "farmer:2");
    count("HGET", null, "farmer:3", "name");
    count("HEXISTS", Boolean.TRUE, "farmer:4", "name");
    count("SISMEMBER", 0L, "villages", "x");
    count("EXISTS", Boolean.TRUE, "farmer:5");
    count("HGETALL", Collections.emptyMap(), "farmer:6");
    assertThat(outcomes)
        .containsExactly(
            "farmer:1 hit", "farmer:2 miss", "farmer:3 miss", "farmer:4 hit", "villages miss", "farmer:5 hit", "farmer:6 miss");
  }

  @Test
  void mgetCountsEachKey() {
    count("MGET", Arrays.asList("a", null, Boolean.FALSE), "k:1", "k:2", "k:3");
    assertThat(outcomes).containsExactly("k:1 hit", "k:2 miss", "k:3 miss");
  }

  @Test
  void hmgetCountsEachFieldUnderItsKey() {
    count("HMGET", Arrays.asList("a", null), "h:1", "f1", "f2");
    assertThat(outcomes).containsExactly("h:1 hit", "h:1 miss");
  }

  @Test
  void existsOverKeysOfOnePatternCountsHowManyExist() {
    count("EXISTS", 2L, "k:1", "k:2", "k:3");
    assertThat(outcomes).containsExactly("k:1 hit", "k:1 hit", "k:1 miss");
  }

  @Test
  void existsOverKeysOfSeveralPatternsCountsNothing() {
    count("EXISTS", 1L, "k:1", "other:2");
    assertThat(outcomes).isEmpty();
  }

  @Test
  void aReplyOfAnotherFormCountsNothing() {
    // a streaming MGET's reply is the count of values it streamed
    count("MGET", 2L, "k:1", "k:2");
    assertThat(outcomes).isEmpty();
  }

  @Test
  void writesAreNoReads() {
    assertThat(ReadShape.of("SET")).isNull();
    assertThat(ReadShape.of("DEL")).isNull();
  }
}
