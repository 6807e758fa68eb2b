package io.malar.agent.core.binds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BindValuesTest {
  @Test
  void immutableValuesAreKeptByReferenceAndOthersAsAPlaceholder() {
    String name = "Lakshmi";
    assertThat(BindValues.retained(name)).isSameAs(name);
    Long id = 12L;
    assertThat(BindValues.retained(id)).isSameAs(id);
    assertThat(BindValues.retained(null)).isNull();

    byte[] photo = new byte[3];
    assertThat(BindValues.retained(photo)).isNotSameAs(photo).hasToString("[3 bytes]");
    ByteArrayInputStream stream = new ByteArrayInputStream(photo);
    assertThat(BindValues.retained(stream)).isNotSameAs(stream).hasToString("[ByteArrayInputStream]");
  }

  @Test
  void valuesAreShownMaskedAndTruncated() {
    Object[] values = {
      7,
      "+91 98400 12345",
      9840012345L,
      new BigDecimal("1250.50"),
      null,
      true,
      LocalDate.of(2026, 11, 28),
      Timestamp.valueOf("2026-11-28 06:30:00"),
      UUID.fromString("00000000-0000-0000-0000-000000000042"),
      "x".repeat(100),
      BindValues.retained(new byte[2]),
    };

    assertThat(BindValues.shown(values))
        .containsExactly(
            "7",
            "[phone]",
            "[phone]",
            "1250.50",
            "NULL",
            "true",
            "2026-11-28",
            "2026-11-28 06:30:00.0",
            "00000000-0000-0000-0000-000000000042",
            "x".repeat(BindValues.MAX_LENGTH) + "...",
            "[2 bytes]");
  }

  @Test
  void aLongStringIsCutBeforeTheWordTheLimitFallsIn() {
    String card = "4111 1111 1111 1111";
    String padding = "a ".repeat((BindValues.KEPT_LENGTH - 10) / 2);
    // the card straddles the cut: none of it may be kept
    Object kept = BindValues.retained(padding + card + " and more");

    assertThat(kept).isEqualTo(padding.substring(0, padding.length() - 1) + "...");
    assertThat(BindValues.retained("x".repeat(BindValues.KEPT_LENGTH + 1))).hasToString("[1025 characters]");
  }

  @Test
  void maskingComesBeforeTruncation() {
    String text = "note ".repeat(11) + "anbu@example.com";

    assertThat(BindValues.shown(text)).isEqualTo("note ".repeat(11) + "[email]");
  }
}
