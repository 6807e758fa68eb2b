package io.malar.ledger.reports;

import java.math.BigDecimal;
import java.util.List;

/** A month by flower: the top suppliers and their average share of each day's market. */
public record MonthlyReport(String month, List<Supplier> topSuppliers) {

  /** One farmer's month for one flower. */
  public record Supplier(String flower, long farmerId, BigDecimal quantityKg, BigDecimal amount,
      BigDecimal averageDailyShare) {}
}
