package io.malar.ledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON bodies; the one ObjectMapper of the application. */
public final class JsonResponses {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private JsonResponses() {}

  public static void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), body);
  }

  public static void error(HttpServletResponse response, ApiException e) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.status());
    body.put("error", e.error());
    body.put("message", e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
      body.put("rule", e.rule());
    }
    write(response, e.status(), body);
  }
}
