package io.malar.agent.core.util;

import io.malar.agent.core.log.AgentLog;
import java.lang.ref.ReferenceQueue;

/**
 * One daemon thread for every {@link WeakIdentityMap}: it waits for the keys the GC collected and
 * removes their entries. It waits blocked between GCs, so it costs nothing while there is nothing
 * to remove.
 */
final class StaleEntryCleaner implements Runnable {
  static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();

  static {
    // started by whichever thread first stores an entry, maybe the application's: it inherits none
    // of that thread's inheritable thread-locals and holds on to none of its class loaders
    Thread thread = new Thread(null, new StaleEntryCleaner(), "malar-agent-weak-map-cleaner", 0, false);
    thread.setDaemon(true);
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
      } catch (RuntimeException | Error e) { // one entry left behind, not every later one: go on
        AgentLog.warn("a weak-map entry could not be removed", "error", String.valueOf(e));
      }
    }
  }
}
