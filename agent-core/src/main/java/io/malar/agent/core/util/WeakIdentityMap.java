package io.malar.agent.core.util;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map that compares keys by identity and holds them weakly, so the application's
 * objects (statements, connections, pipelines) can be collected while we remember things about
 * them. No fields are added to the application's classes.
 *
 * <p>A value must not reference its key, or the entry can never be collected. Entries whose key
 * was collected are purged on the next write.
 */
public final class WeakIdentityMap<K, V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  public V get(K key) {
    // the lookup key does not escape, so the JIT can drop the allocation
    return map.get(new LookupKey(key));
  }

  public void put(K key, V value) {
    purge();
    map.put(new WeakKey<>(key, collected), value);
  }

  public V remove(K key) {
    purge();
    return map.remove(new LookupKey(key));
  }

  public int size() {
    purge();
    return map.size();
  }

  private void purge() {
    Reference<? extends K> cleared;
    while ((cleared = collected.poll()) != null) {
      map.remove(cleared);
    }
  }

  /** The stored key; once its referent is gone it equals only itself, which is how it is purged. */
  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (referent == null) {
        return false;
      }
      if (other instanceof WeakKey) {
        return referent == ((WeakKey<?>) other).get();
      }
      return other instanceof LookupKey && referent == ((LookupKey) other).key;
    }
  }

  /** A short-lived strong key for lookups. */
  private static final class LookupKey {
    private final Object key;

    LookupKey(Object key) {
      this.key = key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (other instanceof WeakKey) {
        return key == ((WeakKey<?>) other).get();
      }
      return other instanceof LookupKey && key == ((LookupKey) other).key;
    }
  }
}
