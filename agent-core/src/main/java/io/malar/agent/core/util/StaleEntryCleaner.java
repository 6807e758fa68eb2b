package io.malar.agent.core.util;

import java.lang.ref.ReferenceQueue;

/**
 * One daemon thread for every {@link WeakIdentityMap}: it waits for the keys the GC collected and
 * removes their entries. It waits blocked between GCs, so it costs nothing while there is nothing
 * to remove.
 */
final class StaleEntryCleaner implements Runnable {
  static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();

  static {
    Thread thread = new Thread(new StaleEntryCleaner(), "malar-agent-weak-map-cleaner");
    thread.setDaemon(true);
    // created from whichever thread first builds a map: hold on to none of its class loaders
    thread.setContextClassLoader(null);
    thread.start();
  }

  private StaleEntryCleaner() {}

  @Override
  public void run() {
    while (true) {
      try {
        ((WeakIdentityMap.WeakKey) QUEUE.remove()).removeFromOwner();
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
