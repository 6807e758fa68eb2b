package io.malar.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanNamesTest {
  private final SpanNames names = new SpanNames();

  @Test
  void namesASpanAfterItsMethodAndRoute() {
    assertThat(names.of("GET", "/api/v1/farmers/*")).isEqualTo("GET /api/v1/farmers/*");
    assertThat(names.of("POST", "/api/v1/farmers/*")).isEqualTo("POST /api/v1/farmers/*");
  }

  @Test
  void namesASpanWithoutARouteAfterItsMethodAlone() {
    assertThat(names.of("GET", null)).isEqualTo("GET");
  }

  @Test
  void makesEachNameOnce() {
    String first = names.of("GET", "/api/v1/farmers/*");
    assertThat(names.of("GET", new String("/api/v1/farmers/*"))).isSameAs(first);
  }

  @Test
  void makesNamesPerCallPastTheCapAndStillRight() {
    for (int i = 0; i < SpanNames.MAX_CACHED; i++) {
      names.of("GET", "/path/" + i);
    }
    String past = names.of("GET", "/one/more");
    assertThat(past).isEqualTo("GET /one/more");
    assertThat(names.of("GET", "/one/more")).isEqualTo(past).isNotSameAs(past);
    assertThat(names.of("GET", "/path/7")).isSameAs(names.of("GET", "/path/7"));
  }
}
