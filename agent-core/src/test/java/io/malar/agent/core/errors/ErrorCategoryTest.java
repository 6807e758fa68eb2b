package io.malar.agent.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCategoryTest {
  @Test
  void theOutermostExceptionWithACategoryDecides() {
    assertThat(ErrorCategory.of(new IllegalStateException("lookup", new SQLException("bad")), 500, Collections.emptyList()))
        .isEqualTo(ErrorCategory.DATABASE);
    assertThat(ErrorCategory.of(new RuntimeException(new ConnectException("refused")), 500, Collections.emptyList()))
        .isEqualTo(ErrorCategory.NETWORK);
    assertThat(ErrorCategory.of(new IllegalStateException("balance"), 500, Collections.emptyList()))
        .isEqualTo(ErrorCategory.BUSINESS_LOGIC);
  }

  @Test
  void statusCodesWithoutADecidingException() {
    assertThat(ErrorCategory.of(null, 400, Collections.emptyList())).isEqualTo(ErrorCategory.VALIDATION);
    assertThat(ErrorCategory.of(null, 422, Collections.emptyList())).isEqualTo(ErrorCategory.VALIDATION);
    assertThat(ErrorCategory.of(null, 401, Collections.emptyList())).isEqualTo(ErrorCategory.AUTHENTICATION);
    assertThat(ErrorCategory.of(new IllegalStateException(), 403, Collections.emptyList())).isEqualTo(ErrorCategory.AUTHORIZATION);
    assertThat(ErrorCategory.of(null, 503, Collections.emptyList())).isEqualTo(ErrorCategory.BUSINESS_LOGIC);
  }

  @Test
  void aCyclicCauseChainEnds() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    assertThat(ErrorCategory.fromCauseChain(first)).isNull();
    assertThat(ErrorCategory.hasDatabaseCause(first)).isFalse();
  }

  @Test
  void aServerErrorWithoutExceptionTakesTheCategoryOfTheLastFailedCall() {
    // spans record only when a processor listens
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build()) {
      Tracer tracer = provider.get("test");
      List<ReadableSpan> calls = new ArrayList<>();
      calls.add(client(tracer, "postgresql", "java.sql.SQLTimeoutException"));
      calls.add(client(tracer, "postgresql", null));
      assertThat(ErrorCategory.of(null, 500, calls)).isEqualTo(ErrorCategory.DATABASE);
      calls.add(client(tracer, "redis", "redis.clients.jedis.exceptions.JedisConnectionException"));
      assertThat(ErrorCategory.of(null, 503, calls)).isEqualTo(ErrorCategory.NETWORK);
      calls.add(client(tracer, "redis", "redis.clients.jedis.exceptions.JedisDataException"));
      assertThat(ErrorCategory.of(null, 503, calls)).isEqualTo(ErrorCategory.EXTERNAL_SERVICE);
      assertThat(ErrorCategory.of(new IllegalStateException(), 500, calls))
          .as("an exception without a category is the application's own")
          .isEqualTo(ErrorCategory.BUSINESS_LOGIC);
    }
  }

  private static ReadableSpan client(Tracer tracer, String system, String errorType) {
    Span call = tracer.spanBuilder("call").setNoParent().setSpanKind(SpanKind.CLIENT).setAttribute("db.system.name", system).startSpan();
    if (errorType != null) {
      call.setAttribute("error.type", errorType);
    }
    call.end();
    return (ReadableSpan) call;
  }
}
