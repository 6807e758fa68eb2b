package io.malar.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPartsTest {
  @Test
  void secretLookingNamesLoseTheirValuesInEveryCaseAndEncoding() {
    String[] names = {
      "password", "PassWord", "%70assword", "pass%77ord", "pass+word", "p%41ssword", "api_key", "API%5FKEY",
      "apiKey", "x-api-key", "access_token", "t%6Fken", "secret", "client_secret", "Authorization",
      "passphrase", "jwt", "session_id", "otp"
    };
    for (String name : names) {
      assertThat(UrlParts.redactQuery("page=2&" + name + "=hunter2&size=10"))
          .as(name)
          .isEqualTo("page=2&" + name + "=REDACTED&size=10");
    }
  }

  @Test
  void otherNamesAndBrokenEscapesStayAsWritten() {
    assertThat(UrlParts.redactQuery("q=roses&page=2&%zz=1&%7=2&=3&flag")).isEqualTo("q=roses&page=2&%zz=1&%7=2&=3&flag");
  }

  @Test
  void protocolVersionIsWhatFollowsTheSlash() {
    assertThat(UrlParts.protocolVersion("HTTP/1.1")).isEqualTo("1.1");
    assertThat(UrlParts.protocolVersion("HTTP/1.0")).isEqualTo("1.0");
    assertThat(UrlParts.protocolVersion("HTTP/2.0")).isEqualTo("2.0");
    assertThat(UrlParts.protocolVersion("HTTP/3")).isEqualTo("3");
    assertThat(UrlParts.protocolVersion("h2c")).isEqualTo("h2c");
    assertThat(UrlParts.protocolVersion(null)).isNull();
  }

  @Test
  void theCommonVersionsAreTheSameStringEveryRequest() {
    assertThat(UrlParts.protocolVersion(new String("HTTP/1.1"))).isSameAs(UrlParts.protocolVersion("HTTP/1.1"));
  }
}
