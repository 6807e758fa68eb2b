package io.malar.agent.core.instrument;

import io.malar.agent.core.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands for Byte Buddy's transformer while it is built off premain: a candidate class loaded
 * meanwhile waits for it, so that no class is left uninstrumented (during start-up only, and never
 * beyond a deadline: a build that hangs must not hang the application). A class loaded by the
 * building thread itself cannot wait for it: it is let through and remembered, to be retransformed
 * once the transformer is there.
 */
final class PendingTransformer implements ClassFileTransformer {
  private final CountDownLatch settled = new CountDownLatch(1);
  private final long deadlineNanos;
  private final Set<String> passedThrough = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile Thread builder;
  private volatile ClassFileTransformer byteBuddy;

  PendingTransformer(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** The current thread builds the transformer: its own class loads do not wait. */
  void building() {
    builder = Thread.currentThread();
  }

  void ready(ClassFileTransformer transformer) {
    byteBuddy = transformer;
    settled.countDown();
  }

  /** The transformer could not be built: classes load unchanged. */
  void failed() {
    settled.countDown();
  }

  /** The internal names of the candidates loaded unchanged while the transformer was missing. */
  Set<String> passedThrough() {
    return passedThrough;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile)
      throws IllegalClassFormatException {
    ClassFileTransformer transformer = byteBuddy;
    if (transformer == null && Thread.currentThread() != builder) {
      transformer = awaitTransformer();
    }
    if (transformer == null) {
      // read in this order: ready() sets the transformer before it settles the latch
      boolean building = settled.getCount() > 0;
      transformer = byteBuddy;
      if (transformer == null) {
        // still building: retransformed once built; after a failed build nothing will be
        if (building) {
          passedThrough.add(internalName);
        }
        return null;
      }
    }
    return transformer.transform(module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
  }

  private ClassFileTransformer awaitTransformer() {
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0 && settled.await(left, TimeUnit.NANOSECONDS)) {
        return byteBuddy;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the application's interrupt is kept for it
    }
    if (warned.compareAndSet(false, true)) {
      AgentLog.warn("instrumentation is still being installed; classes loaded until then are instrumented later");
    }
    return null;
  }
}
