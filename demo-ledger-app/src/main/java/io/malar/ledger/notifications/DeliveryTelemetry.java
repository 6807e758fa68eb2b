package io.malar.ledger.notifications;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * The notices' own telemetry, through the plain OpenTelemetry API: a span around each delivery
 * and the WhatsApp delivery count by outcome (the delivery rate is sent / all). With nothing to
 * export them, both are the API's no-ops.
 */
final class DeliveryTelemetry {
  private static final String SCOPE = "io.malar.ledger.notifications";
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  private static final Attributes SENT = Attributes.of(OUTCOME, "sent");
  private static final Attributes FAILED = Attributes.of(OUTCOME, "failed");

  private final Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE);
  private final LongCounter messages =
      GlobalOpenTelemetry.getMeter(SCOPE)
          .counterBuilder("ledger.whatsapp.messages")
          .setDescription("WhatsApp notices the worker sent or failed to send")
          .setUnit("{message}")
          .build();

  Span startDelivery(long notificationId) {
    return tracer.spanBuilder("deliver notice").setAttribute("ledger.notification.id", notificationId).startSpan();
  }

  /** Counts one send; a failed one also fails the delivery's span. */
  void sent(Span delivery, String error) {
    messages.add(1, error == null ? SENT : FAILED);
    if (error != null) {
      delivery.setStatus(StatusCode.ERROR, error);
    }
  }
}
