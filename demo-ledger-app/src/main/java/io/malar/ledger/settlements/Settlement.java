package io.malar.ledger.settlements;

import java.math.BigDecimal;

/** What the agent owes a farmer for a period: sales minus commission minus advances already paid. */
public record Settlement(long id, long farmerId, String periodStart, String periodEnd, BigDecimal grossAmount,
    BigDecimal commission, BigDecimal advances, BigDecimal netAmount, String status, String approvedAt) {}
