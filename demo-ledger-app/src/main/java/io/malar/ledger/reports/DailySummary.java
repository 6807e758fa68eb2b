package io.malar.ledger.reports;

import java.math.BigDecimal;
import java.util.List;

/** A market day by flower: deliveries, kilograms, sales and commission. */
public record DailySummary(String date, List<FlowerTotal> flowers, BigDecimal totalAmount, BigDecimal totalCommission) {

  /** One flower's totals for the day. */
  public record FlowerTotal(String flower, int entries, BigDecimal quantityKg, BigDecimal amount,
      BigDecimal commission) {}
}
