package io.malar.agent.core.binds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensitiveTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // phone numbers, however written
        "+91 98400 12345                 | [phone]",
        "9840012345                      | [phone]",
        "call (044) 2345-6789 after 6    | call [phone] after 6",
        "+1-202-555-0143                 | [phone]",
        "98400.12345                     | [phone]",
        // emails, also inside text
        "anbu@example.com                | [email]",
        "to: selvi.k+ledger@mail.co.in.  | to: [email].",
        // card numbers pass the Luhn check; a 16-digit run that fails it is still masked
        "4111 1111 1111 1111             | [card]",
        "card 4111-1111-1111-1111 ok     | card [card] ok",
        "378282246310005                 | [card]",
        "4111111111111112                | [phone]",
        // left alone: short numbers, dates, amounts, words
        "Rose                            | Rose",
        "42                              | 42",
        "123456                          | 123456",
        "2026-11-28                      | 2026-11-28",
        "2026-11-28 06:30:00.5           | 2026-11-28 06:30:00.5",
        "1250.50                         | 1250.50",
        "jasmine 12 kg at 340.00         | jasmine 12 kg at 340.00",
      })
  void masksWhatLooksPersonal(String text, String masked) {
    assertThat(SensitiveText.masked(text)).isEqualTo(masked);
  }
}
