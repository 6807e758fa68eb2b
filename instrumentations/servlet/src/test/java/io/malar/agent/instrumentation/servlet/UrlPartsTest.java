package io.malar.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPartsTest {

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
