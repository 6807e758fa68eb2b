package io.malar.agent.tests.support;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests sent to {@code FaultyApp} in every run: ordinary ones, the application's own
 * failures, and hostile ones (malformed and oversized trace headers, 64 KB headers and URLs, invalid
 * UTF-8, secrets in the query and headers under many spellings). Every secret value starts with
 * {@link #SECRET}, which must never leave the process.
 */
public final class ScriptedRequests {
  public static final String SECRET = "s3cr3t";

  private static final String VALID_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String VALID_PARENT = "00f067aa0ba902b7";

  private ScriptedRequests() {}

  /** Each request's name and its head, the request line and header lines. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> requests = new LinkedHashMap<>();
    requests.put("plain echo", get("/echo/farmers?page=2"));
    requests.put("servlet throws", get(
        "/fail/throw?password=" + SECRET + "01&API%5FKEY=" + SECRET + "02&%70assword=" + SECRET + "03&Token=" + SECRET + "04"
            + "&client_secret=" + SECRET + "05&access_token=" + SECRET + "06&auth=" + SECRET + "07",
        "Authorization: Bearer " + SECRET + "08", "Cookie: session=" + SECRET + "09", "X-Api-Key: " + SECRET + "10",
        "Proxy-Authorization: Basic " + SECRET + "11"));
    requests.put("secrets in every spelling", get(
        "/echo/q?PASSWORD=" + SECRET + "12&pass+word=" + SECRET + "13&t%6Fken=" + SECRET + "14&apikey=" + SECRET + "15"
            + "&Authorization=" + SECRET + "16&SeCrEt=" + SECRET + "17&x-api-key=" + SECRET + "18&pass%77ord=" + SECRET + "19"));
    requests.put("session id in the path", get("/echo/a;jsessionid=" + SECRET + "20/b"));
    requests.put("commits then throws", get("/fail/commit-then-throw"));
    requests.put("async timeout", get("/fail/async-timeout"));
    requests.put("jdbc metadata throws", get("/fail/jdbc-metadata"));
    requests.put("redis reset mid-command", get("/fail/redis-reset"));
    requests.put("traceparent garbage", get("/echo/tp", "traceparent: garbage"));
    requests.put("traceparent all zeros", get("/echo/tp", "traceparent: 00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01"));
    requests.put("traceparent version ff", get("/echo/tp", "traceparent: ff-" + VALID_TRACE + "-" + VALID_PARENT + "-01"));
    requests.put("traceparent upper case", get("/echo/tp", "traceparent: 00-" + VALID_TRACE.toUpperCase() + "-" + VALID_PARENT + "-01"));
    requests.put("traceparent 4 KB", get("/echo/tp", "traceparent: 00-" + VALID_TRACE + "-" + VALID_PARENT + "-01" + "-x".repeat(2000)));
    requests.put("traceparent twice", get("/echo/tp", "traceparent: 00-" + VALID_TRACE + "-" + VALID_PARENT + "-01",
        "traceparent: 00-" + VALID_TRACE.replace('4', '5') + "-" + VALID_PARENT + "-01"));
    requests.put("traceparent with a bad flag", get("/echo/tp", "traceparent: 00-" + VALID_TRACE + "-" + VALID_PARENT + "-zz"));
    requests.put("tracestate of 600 members", get("/echo/tp", "traceparent: 00-" + VALID_TRACE + "-" + VALID_PARENT + "-01",
        "tracestate: " + members(600)));
    requests.put("tracestate malformed", get("/echo/tp", "traceparent: 00-" + VALID_TRACE + "-" + VALID_PARENT + "-01",
        "tracestate: ==,,=a,b=,\u00e9=\u00e9," + "k".repeat(300) + "=v"));
    requests.put("header of 64 KB", get("/echo/big", "X-Big: " + "a".repeat(64 * 1024)));
    requests.put("url of 64 KB", get("/echo/" + "a".repeat(64 * 1024)));
    requests.put("url of 7 KB", get("/echo/long?" + "p=1&".repeat(1700)));
    requests.put("invalid utf-8 escaped", get("/echo/%C3%28/%FF%FE"));
    requests.put("overlong utf-8", get("/echo/%C0%AF"));
    requests.put("invalid utf-8 raw", raw("GET /echo/\u00c3\u0028\u00ff HTTP/1.0\r\nHost: 127.0.0.1", StandardCharsets.ISO_8859_1));
    requests.put("broken query escapes", get("/echo/x?%zz=1&a=%E0%A4&=&&b"));
    return requests;
  }

  /** Sends every request in order and returns each answer under its name. */
  public static Map<String, RawHttp.Response> run(int port) throws IOException {
    Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> request : all().entrySet()) {
      answers.put(request.getKey(), RawHttp.exchange(port, request.getValue()));
    }
    return answers;
  }

  private static byte[] get(String pathAndQuery, String... headers) {
    List<String> lines = new ArrayList<>();
    lines.add("GET " + pathAndQuery + " HTTP/1.0");
    lines.add("Host: 127.0.0.1");
    lines.addAll(List.of(headers));
    return raw(String.join("\r\n", lines), StandardCharsets.UTF_8);
  }

  private static byte[] raw(String head, Charset charset) {
    return head.getBytes(charset);
  }

  private static String members(int count) {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < count; i++) {
      members.append(i == 0 ? "" : ",").append("v").append(i).append("=x");
    }
    return members.toString();
  }
}
