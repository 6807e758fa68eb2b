package io.malar.agent.core.util;

import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map that compares keys by identity and holds them weakly, so the application's
 * objects (statements, connections, pipelines) can be collected while we remember things about
 * them. No fields are added to the application's classes.
 *
 * <p>A value must not reference its key, or the entry can never be collected. An entry whose key
 * was collected is removed by {@link StaleEntryCleaner} right after the GC that collected it, not
 * at this map's next write: a map that is written rarely, or no more once the load stops, would
 * otherwise keep the entries (and their values) of every key collected since.
 */
public final class WeakIdentityMap<K, V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();

  public V get(K key) {
    // the lookup key does not escape, so the JIT can drop the allocation
    return map.get(new LookupKey(key));
  }

  public void put(K key, V value) {
    map.put(new WeakKey(key, map), value);
  }

  public V remove(K key) {
    return map.remove(new LookupKey(key));
  }

  public int size() {
    return map.size();
  }

  /**
   * The stored key; once its referent is gone it equals only itself, which is how the cleaner
   * removes it from the map that holds it.
   */
  static final class WeakKey extends WeakReference<Object> {
    private final int hash;
    private final ConcurrentHashMap<Object, ?> owner;

    WeakKey(Object key, ConcurrentHashMap<Object, ?> owner) {
      super(key, StaleEntryCleaner.QUEUE);
      this.hash = System.identityHashCode(key);
      this.owner = owner;
    }

    void removeFromOwner() {
      owner.remove(this);
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
        return referent == ((WeakKey) other).get();
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
        return key == ((WeakKey) other).get();
      }
      return other instanceof LookupKey && key == ((LookupKey) other).key;
    }
  }
}
