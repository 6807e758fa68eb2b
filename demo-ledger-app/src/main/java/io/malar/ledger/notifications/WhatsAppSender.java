package io.malar.ledger.notifications;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends WhatsApp notices, simulated: it takes a few milliseconds, logs, and fails at the configured rate. */
public final class WhatsAppSender {
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppSender.class);

  private final double failureRate;

  public WhatsAppSender(double failureRate) {
    if (failureRate < 0 || failureRate > 1) {
      throw new IllegalArgumentException("the WhatsApp failure rate must be from 0 to 1, not " + failureRate);
    }
    this.failureRate = failureRate;
  }

  /** Returns null when sent, else why it failed. */
  public String send(Notification notification) throws InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Thread.sleep(2 + random.nextInt(8));
    if (random.nextDouble() < failureRate) {
      LOG.warn("whatsapp: notice {} to farmer {} failed: gateway timeout", notification.id(), notification.farmerId());
      return "gateway timeout (simulated)";
    }
    LOG.info("whatsapp: sent notice {} ({}) to farmer {}", notification.id(), notification.kind(),
        notification.farmerId());
    return null;
  }
}
