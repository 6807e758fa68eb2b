package io.malar.agent.core.binds;

/** Where a call's bind values can be read, once it turns out they are needed. */
public interface BindSource {
  /**
   * The values now, as {@link BindValues#retained} kept them, by parameter index from 0; null when
   * none were set.
   */
  Object[] bindsNow();
}
