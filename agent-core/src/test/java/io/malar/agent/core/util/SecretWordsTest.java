package io.malar.agent.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretWordsTest {
  @Test
  void namesOfQueryParametersHeadersAndCacheKeysThatCarrySecretsInAnyCase() {
    assertThat(
            List.of(
                "password", "PASSWD", "db_pwd", "client_secret", "access_token", "apiKey", "Authorization",
                "Proxy-Authorization", "X-Signature", "sig", "session_id", "sess:ab", "Credentials", "code",
                "otp", "pin", "jwt", "Bearer", "Set-Cookie", "private_key", "X-CSRF-Token", "nonce", "salt",
                "client-cert"))
        .allMatch(SecretWords::appearIn);
  }

  @Test
  void ordinaryNamesDoNotLookSecret() {
    assertThat(
            List.of(
                "page", "size", "q", "User-Agent", "Accept", "Content-Type", "X-Request-Id", "farmer:*",
                "order:*:items", "rates:*", "ledger:*-*-*:entries", "shipping:*", "mapping", "X-Design", "keeper"))
        .noneMatch(SecretWords::appearIn);
  }
}
