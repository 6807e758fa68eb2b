package io.malar.agent.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class TypePoolCacheTest {
  private final TypePoolCache typePools = new TypePoolCache();
  private final ClassLoader loader = TypePoolCacheTest.class.getClassLoader();

  @Test
  void readsATypesClassFileOnceForEveryPoolOfItsLoader() {
    ReadCounting first = new ReadCounting(ClassFileLocator.ForClassLoader.of(loader));
    ReadCounting second = new ReadCounting(ClassFileLocator.ForClassLoader.of(loader));

    assertThat(describe(first, loader, "java.util.ArrayList").getDeclaredMethods()).isNotEmpty();
    assertThat(describe(second, loader, "java.util.ArrayList").getDeclaredMethods()).isNotEmpty();

    assertThat(first.reads).isEqualTo(1);
    assertThat(second.reads).isZero();
  }

  @Test
  void keepsTheLoadersApart() {
    describe(ClassFileLocator.ForClassLoader.of(loader), loader, "java.util.ArrayList").getDeclaredMethods();
    ReadCounting bootstrap = new ReadCounting(ClassFileLocator.ForClassLoader.ofBootLoader());
    ReadCounting bootstrapAgain = new ReadCounting(ClassFileLocator.ForClassLoader.ofBootLoader());

    assertThat(describe(bootstrap, null, "java.util.ArrayList").getDeclaredMethods()).isNotEmpty();
    assertThat(describe(bootstrapAgain, null, "java.util.ArrayList").getDeclaredMethods()).isNotEmpty();

    assertThat(bootstrap.reads).isEqualTo(1);
    assertThat(bootstrapAgain.reads).isZero();
  }

  @Test
  void doesNotRememberATypeThatOnePoolCouldNotFind() throws IOException {
    String name = Sample.class.getName();
    TypePool blind = typePools.typePool(ClassFileLocator.NoOp.INSTANCE, loader);
    assertThat(blind.describe(name).isResolved()).isFalse();

    ClassFileLocator classBytes = ClassFileLocator.Simple.of(name, bytesOf(Sample.class));
    assertThat(typePools.typePool(classBytes, loader).describe(name).isResolved()).isTrue();
  }

  @Test
  void letsADiscardedLoaderAndItsDescriptionsBeCollected() throws InterruptedException {
    WeakReference<ClassLoader> discarded = describeThroughAThrowAwayLoader();

    for (int i = 0; i < 100 && discarded.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(discarded.get()).isNull();
  }

  private WeakReference<ClassLoader> describeThroughAThrowAwayLoader() {
    ClassLoader throwAway = new URLClassLoader(new URL[0], loader);
    TypeDescription described =
        describe(ClassFileLocator.ForClassLoader.WeaklyReferenced.of(throwAway), throwAway, Sample.class.getName());
    assertThat(described.getDeclaredMethods()).isNotEmpty();
    return new WeakReference<>(throwAway);
  }

  private TypeDescription describe(ClassFileLocator locator, ClassLoader owner, String name) {
    return typePools.typePool(locator, owner).describe(name).resolve();
  }

  private static byte[] bytesOf(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** A class file locator that counts the class files it is asked for. */
  private static final class ReadCounting implements ClassFileLocator {
    private final ClassFileLocator delegate;
    int reads;

    ReadCounting(ClassFileLocator delegate) {
      this.delegate = delegate;
    }

    @Override
    public Resolution locate(String name) throws IOException {
      reads++;
      return delegate.locate(name);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  static final class Sample {
    int value() {
      return 1;
    }
  }
}
