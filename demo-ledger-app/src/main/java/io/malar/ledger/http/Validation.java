package io.malar.ledger.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Validating readers for query parameters and path segments: each broken rule is a 400 naming it. */
public final class Validation {
  private Validation() {}

  public static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be a date as YYYY-MM-DD");
    }
  }

  public static LocalDate optionalDate(HttpServletRequest request, String parameter) {
    String text = request.getParameter(parameter);
    return text == null || text.isBlank() ? null : date(parameter, text);
  }

  public static YearMonth month(String field, String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be a month as YYYY-MM");
    }
  }

  public static long id(String field, String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below, like a non-positive number
    }
    throw ApiException.invalid(field, "must be a positive integer");
  }

  public static Long optionalId(HttpServletRequest request, String parameter) {
    String text = request.getParameter(parameter);
    return text == null || text.isBlank() ? null : id(parameter, text);
  }

  public static int intParameter(HttpServletRequest request, String parameter, int otherwise, int min, int max) {
    String text = request.getParameter(parameter);
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range number
    }
    throw ApiException.invalid(parameter, "must be an integer from " + min + " to " + max);
  }

  public static String oneOf(HttpServletRequest request, String parameter, String... allowed) {
    String text = request.getParameter(parameter);
    if (text == null || text.isBlank()) {
      return null;
    }
    for (String candidate : allowed) {
      if (candidate.equals(text)) {
        return text;
      }
    }
    throw ApiException.invalid(parameter, "must be one of " + String.join(", ", allowed));
  }
}
