package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Collections;
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
    RecentClientCalls calls = new RecentClientCalls();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(calls).build()) {
      Tracer tracer = provider.get("test");
      Span server = tracer.spanBuilder("GET /farmers").setSpanKind(SpanKind.SERVER).startSpan();
      Context inRequest = Context.root().with(server);
      client(tracer, inRequest, "postgresql", "java.sql.SQLTimeoutException");
      client(tracer, inRequest, "postgresql", null);
      assertThat(ErrorCategory.of(null, 500, calls.of(server.getSpanContext()))).isEqualTo(ErrorCategory.DATABASE);
      client(tracer, inRequest, "redis", "redis.clients.jedis.exceptions.JedisConnectionException");
      assertThat(ErrorCategory.of(null, 503, calls.of(server.getSpanContext()))).isEqualTo(ErrorCategory.NETWORK);
      client(tracer, inRequest, "redis", "redis.clients.jedis.exceptions.JedisDataException");
      assertThat(ErrorCategory.of(null, 503, calls.of(server.getSpanContext()))).isEqualTo(ErrorCategory.EXTERNAL_SERVICE);
      server.end();
      assertThat(calls.openRequests()).isZero();
    }
  }

  private static void client(Tracer tracer, Context parent, String system, String errorType) {
    Span call =
        tracer.spanBuilder("call").setSpanKind(SpanKind.CLIENT).setParent(parent).setAttribute("db.system.name", system).startSpan();
    if (errorType != null) {
      call.setAttribute("error.type", errorType);
    }
    call.end();
  }
}
