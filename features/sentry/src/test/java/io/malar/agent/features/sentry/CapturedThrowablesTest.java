package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapturedThrowablesTest {
  @Test
  void theSameExceptionObjectIsCapturedOnce() {
    CapturedThrowables captured = new CapturedThrowables(2);
    IllegalStateException thrown = new IllegalStateException("x");
    assertThat(captured.firstSighting(thrown)).isTrue();
    assertThat(captured.firstSighting(thrown)).isFalse();
    assertThat(captured.firstSighting(new IllegalStateException("x"))).isTrue();
  }
}
