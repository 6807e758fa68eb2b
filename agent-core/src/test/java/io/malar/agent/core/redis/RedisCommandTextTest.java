package io.malar.agent.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisCommandTextTest {

  @Test
  void queryTextHasOnePlaceholderPerArgument() {
    assertThat(RedisCommandText.query("PING", 0)).isEqualTo("PING");
    assertThat(RedisCommandText.query("GET", 1)).isEqualTo("GET ?");
    assertThat(RedisCommandText.query("SET", 3)).isEqualTo("SET ? ? ?");
    assertThat(RedisCommandText.query("MSET", 12)).isEqualTo("MSET" + " ?".repeat(12));
  }

  @Test
  void aCommandOfFewArgumentsGetsTheSameTextEveryTime() {
    String first = RedisCommandText.query("HGET", 2);
    assertThat(RedisCommandText.query("HGET", 2)).isSameAs(first).isEqualTo("HGET ? ?");
    assertThat(RedisCommandText.query("HGET", 3)).isEqualTo("HGET ? ? ?");
  }

  @Test
  void aLongArgumentListEndsInAnEllipsis() {
    String query = RedisCommandText.query("DEL", RedisCommandText.MAX_PLACEHOLDERS + 5);
    assertThat(query).startsWith("DEL ? ?").endsWith(" ? ...");
    assertThat(query.chars().filter(c -> c == '?')).hasSize(RedisCommandText.MAX_PLACEHOLDERS);
  }
}
