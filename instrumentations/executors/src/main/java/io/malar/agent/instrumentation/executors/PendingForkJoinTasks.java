package io.malar.agent.instrumentation.executors;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The contexts of ForkJoinTasks handed over and not yet started. A ForkJoinTask cannot be wrapped
 * (it is joined and looked at by its identity) and no field can be added to a JDK class that is
 * already loaded, so its context waits here until a worker starts it.
 *
 * <p>One small object per task, no lock: a fixed table of weak entries, each placed with a
 * compare-and-set within a few slots of the task's identity hash. The task is held weakly, so a
 * task that is never run (cancelled, its pool shut down) is collected, and its entry, with the
 * context, is dropped at the next hand-over. When the slots around a task are all taken, the task
 * runs without the context rather than the table growing.
 */
final class PendingForkJoinTasks {
  private static final int SLOTS = 1 << 13;
  private static final int PROBES = 8;

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
  /** Until the first hand-over, starting a task costs one read. */
  private volatile boolean used;

  boolean put(Object task, Object context) {
    dropCollected();
    if (!used) {
      used = true;
    }
    int home = home(task);
    Entry entry = null;
    for (int i = 0; i < PROBES; i++) {
      int slot = (home + i) & (SLOTS - 1);
      Entry present = slots.get(slot);
      Object owner = present == null ? null : present.get();
      if (owner == null || owner == task) {
        if (entry == null || entry.slot != slot) {
          entry = new Entry(task, context, slot, collected);
        }
        if (slots.compareAndSet(slot, present, entry)) {
          if (present != null) {
            present.clear();
          }
          return true;
        }
      }
    }
    return false;
  }

  Object take(Object task) {
    if (!used) {
      return null;
    }
    int home = home(task);
    for (int i = 0; i < PROBES; i++) {
      int slot = (home + i) & (SLOTS - 1);
      Entry present = slots.get(slot);
      if (present != null && present.get() == task && slots.compareAndSet(slot, present, null)) {
        present.clear();
        return present.context;
      }
    }
    return null;
  }

  /** Entries held now, for tests. */
  int size() {
    dropCollected();
    int size = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slots.get(i) != null) {
        size++;
      }
    }
    return size;
  }

  private void dropCollected() {
    Object cleared;
    while ((cleared = collected.poll()) != null) {
      Entry entry = (Entry) cleared;
      slots.compareAndSet(entry.slot, entry, null);
    }
  }

  private static int home(Object task) {
    int hash = System.identityHashCode(task);
    return hash ^ (hash >>> 16);
  }

  private static final class Entry extends WeakReference<Object> {
    final Object context;
    final int slot;

    Entry(Object task, Object context, int slot, ReferenceQueue<Object> queue) {
      super(task, queue);
      this.context = context;
      this.slot = slot;
    }
  }
}
