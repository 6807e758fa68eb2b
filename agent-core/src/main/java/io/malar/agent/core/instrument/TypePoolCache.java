package io.malar.agent.core.instrument;

import io.malar.agent.core.util.WeakIdentityMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions kept per class loader from one advice transformation to the next. Byte Buddy's
 * default pool strategy starts every transformation with an empty cache, so each woven class parsed
 * its advice classes and the types they name again: a quarter of the weaving's CPU at start-up.
 *
 * <p>The loaders are held weakly, and the descriptions reach their loader only through weakly
 * referencing class file locators ({@link AgentBuilder.LocationStrategy.ForClassLoader#WEAK}, which
 * the transformers sharing this cache use), so a discarded application's loader and its
 * descriptions can still be collected. A type that could not be found is not remembered: a class
 * file may yet appear in its loader (a jar added to it later), or be given by another locator.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final WeakIdentityMap<ClassLoader, TypePool.CacheProvider> byLoader = new WeakIdentityMap<>();
  private final TypePool.CacheProvider bootstrap = new FoundTypes();

  TypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    TypePool.CacheProvider cache = byLoader.get(loader);
    return cache != null ? cache : locateNew(loader);
  }

  private synchronized TypePool.CacheProvider locateNew(ClassLoader loader) {
    TypePool.CacheProvider cache = byLoader.get(loader);
    if (cache == null) {
      cache = new FoundTypes();
      byLoader.put(loader, cache);
    }
    return cache;
  }

  /** One loader's descriptions of the types that were found. */
  private static final class FoundTypes implements TypePool.CacheProvider {
    private final TypePool.CacheProvider found = TypePool.CacheProvider.Simple.withObjectType();

    @Override
    public TypePool.Resolution find(String name) {
      return found.find(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      return resolution.isResolved() ? found.register(name, resolution) : resolution;
    }

    @Override
    public void clear() {
      found.clear();
    }
  }
}
