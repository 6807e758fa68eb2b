package io.malar.ledger.reports;

import io.malar.ledger.entries.Entry;
import java.math.BigDecimal;
import java.util.List;

/** A farmer's deliveries over a period, as sent with a settlement. */
public record FarmerStatement(long farmerId, String name, String route, String from, String to, List<Entry> entries,
    BigDecimal quantityKg, BigDecimal amount, BigDecimal commission, BigDecimal advanceBalance) {}
