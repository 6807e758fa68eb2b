package io.malar.agent.features.slowcalls;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the application frame that issued a call by walking the current thread's stack. It runs
 * inside the span's end, on the thread that made the call, and only once a threshold is crossed:
 * fast calls never pay for a stack walk.
 */
final class CallSiteFinder implements Function<Stream<StackWalker.StackFrame>, CodeLocation> {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private final SkippedFrames skipped;

  CallSiteFinder(SkippedFrames skipped) {
    this.skipped = skipped;
  }

  /** The first application frame on this thread's stack, or null when there is none. */
  CodeLocation find() {
    return WALKER.walk(this);
  }

  @Override
  public CodeLocation apply(Stream<StackWalker.StackFrame> frames) {
    Iterator<StackWalker.StackFrame> iterator = frames.iterator();
    while (iterator.hasNext()) {
      StackWalker.StackFrame frame = iterator.next();
      if (!skipped.skips(frame.getClassName())) {
        return new CodeLocation(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
      }
    }
    return null;
  }
}
