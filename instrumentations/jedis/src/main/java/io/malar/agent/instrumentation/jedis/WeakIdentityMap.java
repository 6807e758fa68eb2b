package io.malar.agent.instrumentation.jedis;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-object state for library objects (connections, pipelines) without adding fields to them:
 * keys are compared by identity and held weakly, so an entry goes when its object does. Lock-free
 * reads, because every Redis command may look a connection up.
 */
final class WeakIdentityMap<V> {
  private final ConcurrentHashMap<IdentityKey, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  V get(Object key) {
    return entries.get(new Lookup(key));
  }

  void put(Object key, V value) {
    expungeCollected();
    entries.put(new WeakKey(key, collected), value);
  }

  V remove(Object key) {
    expungeCollected();
    return entries.remove(new Lookup(key));
  }

  private void expungeCollected() {
    for (Reference<?> key = collected.poll(); key != null; key = collected.poll()) {
      entries.remove(key);
    }
  }

  private interface IdentityKey {
    Object referent();
  }

  private static boolean sameReferent(IdentityKey key, Object other) {
    if (key == other) {
      return true;
    }
    Object referent = key.referent();
    return referent != null && other instanceof IdentityKey && ((IdentityKey) other).referent() == referent;
  }

  private static final class WeakKey extends WeakReference<Object> implements IdentityKey {
    private final int hash;

    WeakKey(Object key, ReferenceQueue<Object> queue) {
      super(key, queue);
      hash = System.identityHashCode(key);
    }

    @Override
    public Object referent() {
      return get();
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(this, other);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A short-lived strong key for reads, so a lookup never registers a reference. */
  private static final class Lookup implements IdentityKey {
    private final Object key;

    Lookup(Object key) {
      this.key = key;
    }

    @Override
    public Object referent() {
      return key;
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(this, other);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }
  }
}
