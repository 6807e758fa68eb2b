package io.malar.ledger.notifications;

/** A WhatsApp notice to a farmer: queued, then sent or failed by the worker. */
public record Notification(long id, long farmerId, String kind, String message, String status, int attempts,
    String error, String createdAt, String sentAt) {}
