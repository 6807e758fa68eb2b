package io.malar.agent.features.cachemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyPatternsTest {
  private static String pattern(String key) {
    return KeyPatterns.of(key.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void digitRunsAndUuidsBecomeWildcards() {
    assertThat(pattern("farmer:42")).isEqualTo("farmer:*");
    assertThat(pattern("ledger:2026-11-30:entries")).isEqualTo("ledger:*-*-*:entries");
    assertThat(pattern("order:3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b:items")).isEqualTo("order:*:items");
    assertThat(pattern("user42:cart")).isEqualTo("user*:cart");
    assertThat(pattern("farmers:list")).isEqualTo("farmers:list");
  }

  @Test
  void keysBeyondAsciiAreReadAsUtf8() {
    assertThat(pattern("fleur:ros\u00e9:12")).isEqualTo("fleur:ros\u00e9:*");
    assertThat(pattern("\u0bae\u0bb2\u0bb0\u0bcd:farmer:7")).isEqualTo("\u0bae\u0bb2\u0bb0\u0bcd:farmer:*");
  }

  @Test
  void cutAtSixtyFourCharacters() {
    String key = "report:" + "monthly".repeat(20) + ":7";
    assertThat(pattern(key)).hasSize(KeyPatterns.MAX_LENGTH).startsWith("report:monthly");
  }

  @Test
  void secretLookingPatternsAreOther() {
    assertThat(pattern("session:8f14e45f")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("auth:token:123")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("user:9:password_reset")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("apikey:abc")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("spring:session:sessions:3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b")).isEqualTo(KeyPatterns.OTHER);
  }

  @Test
  void mostlyUnknownPatternsAreOther() {
    assertThat(pattern("12345")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b")).isEqualTo(KeyPatterns.OTHER);
    // an MD5 in hex: what the digits leave is no word
    assertThat(pattern("cache:a8f5f167f44f4964e6c998dee827110c")).isEqualTo(KeyPatterns.OTHER);
    assertThat(pattern("")).isEqualTo(KeyPatterns.OTHER);
    assertThat(KeyPatterns.of(null)).isEqualTo(KeyPatterns.OTHER);
  }

  @Test
  void aWordBesideOneWildcardIsKnown() {
    assertThat(pattern("v2:farmer:17")).isEqualTo("v*:farmer:*");
  }
}
