package io.malar.ledger.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** A JSON object request body with validating accessors: each broken rule is a 400 naming field and rule. */
public final class RequestBody {
  private final JsonNode json;

  private RequestBody(JsonNode json) {
    this.json = json;
  }

  public static RequestBody of(HttpServletRequest request) throws IOException {
    JsonNode json;
    try {
      json = JsonResponses.MAPPER.readTree(request.getInputStream());
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "must be a JSON object");
    }
    if (json == null || !json.isObject()) {
      throw ApiException.invalid("body", "must be a JSON object");
    }
    return new RequestBody(json);
  }

  public boolean has(String field) {
    return json.hasNonNull(field);
  }

  public String text(String field, int minLength, int maxLength) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.invalid(field, "is required");
    }
    if (!value.isTextual()) {
      throw ApiException.invalid(field, "must be a string");
    }
    String text = value.asText().strip();
    if (text.length() < minLength || text.length() > maxLength) {
      throw ApiException.invalid(field, "must be " + minLength + " to " + maxLength + " characters");
    }
    return text;
  }

  public String optionalText(String field, int maxLength) {
    return has(field) ? text(field, 1, maxLength) : null;
  }

  public String matching(String field, Pattern pattern, String rule) {
    String text = text(field, 1, 100);
    if (!pattern.matcher(text).matches()) {
      throw ApiException.invalid(field, rule);
    }
    return text;
  }

  public long id(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.invalid(field, "is required");
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
      throw ApiException.invalid(field, "must be a positive integer");
    }
    return value.asLong();
  }

  public BigDecimal decimal(String field, BigDecimal min, BigDecimal max) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.invalid(field, "is required");
    }
    if (!value.isNumber()) {
      throw ApiException.invalid(field, "must be a number");
    }
    BigDecimal number = value.decimalValue();
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw ApiException.invalid(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
    return number;
  }

  public LocalDate date(String field) {
    return Validation.date(field, text(field, 1, 10));
  }

  public LocalDate optionalDate(String field, LocalDate otherwise) {
    return has(field) ? date(field) : otherwise;
  }
}
