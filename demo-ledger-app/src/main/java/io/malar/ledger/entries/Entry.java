package io.malar.ledger.entries;

import java.math.BigDecimal;

/** One delivery: a farmer's flowers on a day, with the amount and the agent's commission. */
public record Entry(long id, long farmerId, int flowerId, String flower, String entryDate, BigDecimal quantityKg,
    BigDecimal ratePerKg, BigDecimal amount, BigDecimal commission, Long settlementId) {}
