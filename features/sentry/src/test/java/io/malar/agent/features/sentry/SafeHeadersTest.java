package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.errors.TestRequest;
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
    Map<String, String> copied = headers.of(new TestRequest(null, Map.of("User-Agent", "ledger/1", "Authorization", "Bearer s3cret", "X-Api-Key", "k3y")));
    assertThat(copied).containsExactly(Map.entry("User-Agent", "ledger/1"));
  }
}
