package io.malar.agent.bridge;

import java.lang.ref.WeakReference;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * {@link PoolGauges} read with a pool library's own getters, given as functions by the helper
 * defined next to that library, from an object held weakly: once the application dropped the pool
 * and it was collected, it reads as closed.
 */
public final class WeakPoolGauges<T> implements PoolGauges {
  private final String poolName;
  private final WeakReference<T> pool;
  private final Predicate<T> closed;
  private final ToIntFunction<T> idle;
  private final ToIntFunction<T> used;
  private final ToIntFunction<T> max;
  private final ToIntFunction<T> pending;

  /** {@code max} gives a negative number for a pool without a limit. */
  public WeakPoolGauges(
      String poolName,
      T pool,
      Predicate<T> closed,
      ToIntFunction<T> idle,
      ToIntFunction<T> used,
      ToIntFunction<T> max,
      ToIntFunction<T> pending) {
    this.poolName = poolName;
    this.pool = new WeakReference<>(pool);
    this.closed = closed;
    this.idle = idle;
    this.used = used;
    this.max = max;
    this.pending = pending;
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public boolean closed() {
    T current = pool.get();
    return current == null || closed.test(current);
  }

  @Override
  public int idle() {
    return read(idle);
  }

  @Override
  public int used() {
    return read(used);
  }

  @Override
  public int max() {
    return Math.max(read(max), -1);
  }

  @Override
  public int pending() {
    return read(pending);
  }

  private int read(ToIntFunction<T> getter) {
    T current = pool.get();
    return current == null ? 0 : getter.applyAsInt(current);
  }
}
