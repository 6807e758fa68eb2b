package io.malar.agent.features.sentry;

import io.malar.agent.core.errors.FailedRequest;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.util.SecretWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request headers an event may carry: the configured names minus anything that carries
 * credentials, checked once at start-up so a misconfiguration cannot leak a secret.
 */
final class SafeHeaders {
  private final List<String> names;

  SafeHeaders(List<String> configured) {
    List<String> allowed = new ArrayList<>();
    for (String name : configured) {
      if (isSecret(name)) {
        AgentLog.warn(
            "sentry: request header " + name + " looks secret and is never sent",
            "key", SentrySettings.HEADERS.key(),
            "header", name);
      } else {
        allowed.add(name);
      }
    }
    names = Collections.unmodifiableList(allowed);
  }

  static boolean isSecret(String headerName) {
    return SecretWords.appearIn(headerName);
  }

  /** The allowed headers the request has. */
  Map<String, String> of(FailedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : names) {
      String value = request.header(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return headers;
  }
}
