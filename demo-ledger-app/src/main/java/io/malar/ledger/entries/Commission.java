package io.malar.ledger.entries;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a delivery is worth and the commission agent's share of it, in rupees and paise. */
public final class Commission {
  /** The agent keeps ten percent of every sale. */
  public static final BigDecimal RATE = new BigDecimal("0.10");

  private Commission() {}

  public static BigDecimal amount(BigDecimal kg, BigDecimal ratePerKg) {
    return kg.multiply(ratePerKg).setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal of(BigDecimal amount) {
    return amount.multiply(RATE).setScale(2, RoundingMode.HALF_UP);
  }
}
