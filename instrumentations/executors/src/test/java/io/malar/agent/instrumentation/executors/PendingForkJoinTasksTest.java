package io.malar.agent.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingForkJoinTasksTest {
  private final PendingForkJoinTasks pending = new PendingForkJoinTasks();

  @Test
  void aContextIsTakenOnceByItsOwnTask() {
    Object task = new Object();
    Object other = new Object();
    assertThat(pending.take(task)).isNull();
    assertThat(pending.put(task, "context")).isTrue();
    assertThat(pending.take(other)).isNull();
    assertThat(pending.take(task)).isEqualTo("context");
    assertThat(pending.take(task)).isNull();
    assertThat(pending.size()).isZero();
  }

  @Test
  void aTaskHandedOverAgainCarriesItsLatestContext() {
    Object task = new Object();
    pending.put(task, "first");
    pending.put(task, "second");
    assertThat(pending.take(task)).isEqualTo("second");
  }

  @Test
  void aTaskNeverRunLetsItsContextGoOnceItIsCollected() throws InterruptedException {
    WeakReference<Object> context = handOverAndForget();
    for (int i = 0; i < 50 && context.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
      pending.put(new Object(), "next"); // entries of collected tasks are dropped here
      pending.take(this);
    }
    assertThat(context.get()).isNull();
  }

  private WeakReference<Object> handOverAndForget() {
    Object context = new Object();
    pending.put(new Object(), context);
    return new WeakReference<>(context);
  }

  @Test
  void theTableDoesNotGrowBeyondItsSlots() {
    List<Object> tasks = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < 20_000; i++) {
      Object task = new Object();
      tasks.add(task);
      if (!pending.put(task, "context")) {
        refused++;
      }
    }
    assertThat(refused).isPositive();
    assertThat(pending.size()).isEqualTo(20_000 - refused).isLessThanOrEqualTo(1 << 13);
    assertThat(tasks).hasSize(20_000);
  }
}
