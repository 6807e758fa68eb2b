package io.malar.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "''           | /owners/{id}      | /owners/{id}",
        "/shop        | /owners/{id}      | /shop/owners/{id}",
        "/shop/api/   | owners//{id}/     | /shop/api/owners/{id}",
        "/api/        | /owners/{id}/pets | /api/owners/{id}/pets",
        "''           | /**               | /**",
        "/            | /                 | /",
        "''           | ''                | /",
        "/api         | ''                | /api",
        "''           | /{id: [0-9]+}     | /{id: [0-9]+}",
      })
  void joinsAFrameworkTemplateBelowWhereTheFrameworkIsMounted(String base, String template, String route) {
    assertThat(Routes.join(base, template)).isEqualTo(route);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "''     | /api/v1/farmers/* | /api/v1/farmers/*",
        "null   | /*                | /*",
        "/shop  | /api/*            | /shop/api/*",
      })
  void putsTheContextPathBeforeTheRoute(String contextPath, String route, String expected) {
    assertThat(Routes.under(contextPath, route)).isEqualTo(expected);
  }

  @Test
  void keepsTheRootContextsRouteItself() {
    String route = "/api/v1/farmers/*";
    assertThat(Routes.under("", route)).isSameAs(route);
  }
}
