package io.malar.agent.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {
  private final WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();

  @Test
  void keysAreComparedByIdentityNotEquality() {
    List<String> first = new ArrayList<>();
    List<String> equalButDistinct = new ArrayList<>();

    map.put(first, "first");
    map.put(equalButDistinct, "second");

    assertThat(first).isEqualTo(equalButDistinct);
    assertThat(map.get(first)).isEqualTo("first");
    assertThat(map.get(equalButDistinct)).isEqualTo("second");
    assertThat(map.get(new ArrayList<>())).isNull();
    assertThat(map.size()).isEqualTo(2);
  }

  @Test
  void putReplacesTheValueOfTheSameKey() {
    Object key = new Object();

    map.put(key, "old");
    map.put(key, "new");

    assertThat(map.get(key)).isEqualTo("new");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void anEntryVanishesOnceItsKeyIsCollectedWithoutAnotherWrite() throws InterruptedException {
    Object kept = new Object();
    map.put(kept, "kept");
    putUnreachableKey();

    for (int i = 0; i < 100 && map.size() > 1; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }

  private void putUnreachableKey() {
    map.put(new Object(), "collectable");
    assertThat(map.size()).isEqualTo(2);
  }
}
