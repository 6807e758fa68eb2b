package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.errors.FailedRequest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeHeadersTest {
  @Test
  void credentialsNeverLeaveEvenWhenConfigured() {
    assertThat(Arrays.asList("Authorization", "cookie", "Set-Cookie", "Proxy-Authorization", "X-Auth-Token", "X-Api-Key", "Client-Secret", "X-Password"))
        .allMatch(SafeHeaders::isSecret);
    assertThat(Arrays.asList("User-Agent", "Accept", "Content-Type", "X-Request-Id")).noneMatch(SafeHeaders::isSecret);

    SafeHeaders headers = new SafeHeaders(Arrays.asList("User-Agent", "Authorization", "X-Api-Key", "Accept"));
    Map<String, String> copied = headers.of(new HeadersOnly(Map.of("User-Agent", "ledger/1", "Authorization", "Bearer s3cret", "X-Api-Key", "k3y")));
    assertThat(copied).containsExactly(Map.entry("User-Agent", "ledger/1"));
  }

  /** A request that has only headers. */
  private static final class HeadersOnly implements FailedRequest {
    private final Map<String, String> headers;

    HeadersOnly(Map<String, String> headers) {
      this.headers = headers;
    }

    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String route() {
      return null;
    }

    @Override
    public String url() {
      return "http://127.0.0.1:8080/";
    }

    @Override
    public String query() {
      return null;
    }

    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public String clientAddress() {
      return "127.0.0.1";
    }

    @Override
    public String remoteUser() {
      return null;
    }
  }
}
