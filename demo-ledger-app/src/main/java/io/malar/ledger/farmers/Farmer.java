package io.malar.ledger.farmers;

import java.math.BigDecimal;

/** A farmer who brings flowers to the commission agent; the advance is money paid ahead of settlement. */
public record Farmer(long id, String name, String phone, String village, BigDecimal advanceBalance) {}
