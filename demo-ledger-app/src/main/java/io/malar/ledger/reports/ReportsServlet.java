package io.malar.ledger.reports;

import io.malar.ledger.http.ApiException;
import io.malar.ledger.http.ApiServlet;
import io.malar.ledger.http.Validation;
import io.malar.ledger.redis.JsonCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * {@code /api/v1/reports}: {@code daily-summary?date=} (cached in Redis), {@code farmer-statement/{id}?from=&to=},
 * {@code monthly?month=YYYY-MM}.
 */
public final class ReportsServlet extends ApiServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_STATEMENT_DAYS = 92;

  private final transient ReportRepository reports;
  private final transient JsonCache<DailySummary> summaries;

  public ReportsServlet(DataSource dataSource, JsonCache<DailySummary> summaries) {
    this.reports = new ReportRepository(dataSource);
    this.summaries = summaries;
  }

  @Override
  protected Object handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response) {
    if (!method.equals("GET")) {
      throw methodNotAllowed(method);
    }
    if (path.length == 1 && path[0].equals("daily-summary")) {
      LocalDate date = Validation.optionalDate(request, "date");
      LocalDate day = date == null ? LocalDate.now() : date;
      return summaries.get(day, () -> reports.dailySummary(day));
    }
    if (path.length == 2 && path[0].equals("farmer-statement")) {
      return statement(Validation.id("farmerId", path[1]), request);
    }
    if (path.length == 1 && path[0].equals("monthly")) {
      String month = request.getParameter("month");
      if (month == null || month.isBlank()) {
        throw ApiException.invalid("month", "is required");
      }
      return reports.monthlyReport(Validation.month("month", month));
    }
    throw unknownPath(request);
  }

  private FarmerStatement statement(long farmerId, HttpServletRequest request) {
    LocalDate to = Validation.optionalDate(request, "to");
    to = to == null ? LocalDate.now() : to;
    LocalDate from = Validation.optionalDate(request, "from");
    from = from == null ? to.minusDays(29) : from;
    if (to.isBefore(from)) {
      throw ApiException.invalid("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_STATEMENT_DAYS) {
      throw ApiException.invalid("to", "must be within " + MAX_STATEMENT_DAYS + " days of from");
    }
    FarmerStatement statement = reports.farmerStatement(farmerId, from, to);
    if (statement == null) {
      throw ApiException.notFound("farmer", farmerId);
    }
    return statement;
  }
}
