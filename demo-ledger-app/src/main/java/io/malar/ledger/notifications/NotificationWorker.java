package io.malar.ledger.notifications;

import io.malar.ledger.redis.NotificationQueue;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the notification queue on its own thread: sends each notice and records the outcome. */
public final class NotificationWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
  private static final int POLL_SECONDS = 1;
  private static final long BACKOFF_MILLIS = 1_000;

  private final NotificationQueue queue;
  private final NotificationRepository notifications;
  private final WhatsAppSender sender;
  private final DeliveryTelemetry telemetry = new DeliveryTelemetry();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastPollMillis = System.currentTimeMillis();
  private volatile boolean running = true;
  private final Thread thread = new Thread(this, "notification-worker");

  public NotificationWorker(NotificationQueue queue, NotificationRepository notifications, WhatsAppSender sender) {
    this.queue = queue;
    this.notifications = notifications;
    this.sender = sender;
  }

  public void start() {
    thread.start();
  }

  @Override
  public void run() {
    while (running) {
      try {
        Long id = queue.take(POLL_SECONDS);
        lastPollMillis = System.currentTimeMillis();
        if (id != null) {
          deliver(id);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("notification worker: {}; retrying in {} ms", e.toString(), BACKOFF_MILLIS);
        try {
          Thread.sleep(BACKOFF_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void deliver(long id) throws InterruptedException {
    Span delivery = telemetry.startDelivery(id);
    try (Scope ignored = delivery.makeCurrent()) {
      Notification notification = notifications.find(id);
      if (notification == null) {
        return;
      }
      String error = sender.send(notification);
      telemetry.sent(delivery, error);
      notifications.recordAttempt(id, error == null, error);
      (error == null ? sent : failed).incrementAndGet();
    } finally {
      delivery.end();
    }
  }

  public boolean isAlive() {
    return thread.isAlive();
  }

  /** Milliseconds since the worker last came back from the queue; large when it is stuck. */
  public long millisSinceLastPoll() {
    return System.currentTimeMillis() - lastPollMillis;
  }

  public long sent() {
    return sent.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Stops after the current notice; waits for the thread to end. */
  public void stop() throws InterruptedException {
    running = false;
    thread.join((POLL_SECONDS + 2) * 1000L);
    if (thread.isAlive()) {
      thread.interrupt();
      thread.join(1000);
    }
  }
}
