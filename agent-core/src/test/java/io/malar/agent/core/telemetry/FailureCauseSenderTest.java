package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureCauseSenderTest {
  @Test
  void aFailureIsReportedAsItsCauseNotAsTheFutureThatCarriedIt() {
    ConnectException refused = new ConnectException("Connection refused");
    assertThat(FailureCauseSender.causeOf(new CompletionException(new UncheckedIOException(refused)))).isSameAs(refused);
    IOException alone = new IOException("closed");
    assertThat(FailureCauseSender.causeOf(alone)).isSameAs(alone);
    CompletionException withoutCause = new CompletionException("no cause", null);
    assertThat(FailureCauseSender.causeOf(withoutCause)).isSameAs(withoutCause);
  }
}
