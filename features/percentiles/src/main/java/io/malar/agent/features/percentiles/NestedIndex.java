package io.malar.agent.features.percentiles;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a recording by three attribute values with map lookups only: no key object is built per
 * call, so a lookup allocates nothing. Absent values are passed as {@link #NONE}.
 */
final class NestedIndex {
  static final String NONE = "";

  private final ConcurrentHashMap<Object, ConcurrentHashMap<Object, ConcurrentHashMap<Object, Recording>>> root =
      new ConcurrentHashMap<>();

  Recording get(Object first, Object second, Object third) {
    ConcurrentHashMap<Object, ConcurrentHashMap<Object, Recording>> level2 = root.get(first);
    if (level2 == null) {
      return null;
    }
    ConcurrentHashMap<Object, Recording> level3 = level2.get(second);
    return level3 == null ? null : level3.get(third);
  }

  void put(Object first, Object second, Object third, Recording recording) {
    root.computeIfAbsent(first, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(second, k -> new ConcurrentHashMap<>())
        .put(third, recording);
  }

  int size() {
    int size = 0;
    for (ConcurrentHashMap<Object, ConcurrentHashMap<Object, Recording>> level2 : root.values()) {
      for (ConcurrentHashMap<Object, Recording> level3 : level2.values()) {
        size += level3.size();
      }
    }
    return size;
  }
}
