package io.malar.ledger.reports;

import java.util.Locale;

/** The collection route of a village: its first three letters, as printed on statements. */
final class Routes {
  private Routes() {}

  static String of(String village) {
    return village.strip().substring(0, 3).toUpperCase(Locale.ROOT);
  }
}
