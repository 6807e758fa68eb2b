package io.malar.ledger.entries;

import io.malar.ledger.db.Transactions;
import io.malar.ledger.farmers.Farmer;
import io.malar.ledger.farmers.FarmerRepository;
import io.malar.ledger.http.ApiException;
import io.malar.ledger.http.ApiServlet;
import io.malar.ledger.http.RequestBody;
import io.malar.ledger.http.Validation;
import io.malar.ledger.notifications.NotificationRepository;
import io.malar.ledger.redis.JsonCache;
import io.malar.ledger.redis.NotificationQueue;
import io.malar.ledger.reports.DailySummary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code /api/v1/entries}: record a day's delivery (amount and commission computed here, the farmer's
 * WhatsApp notice queued in the same transaction), list by date or by farmer.
 */
public final class EntriesServlet extends ApiServlet {
  private static final long serialVersionUID = 1L;
  private static final BigDecimal MIN_KG = new BigDecimal("0.1");
  private static final BigDecimal MAX_KG = new BigDecimal("1000");
  private static final BigDecimal MIN_RATE = new BigDecimal("1");
  private static final BigDecimal MAX_RATE = new BigDecimal("5000");

  private final transient DataSource dataSource;
  private final transient EntryRepository entries;
  private final transient NotificationQueue queue;
  private final transient JsonCache<DailySummary> summaries;

  public EntriesServlet(DataSource dataSource, NotificationQueue queue, JsonCache<DailySummary> summaries) {
    this.dataSource = dataSource;
    this.entries = new EntryRepository(dataSource);
    this.queue = queue;
    this.summaries = summaries;
  }

  @Override
  protected Object handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (path.length != 0) {
      throw unknownPath(request);
    }
    switch (method) {
      case "GET": return list(request);
      case "POST":
        response.setStatus(201);
        return record(RequestBody.of(request));
      default: throw methodNotAllowed(method);
    }
  }

  private Object list(HttpServletRequest request) {
    LocalDate date = Validation.optionalDate(request, "date");
    Long farmerId = Validation.optionalId(request, "farmerId");
    if (date != null) {
      return Map.of("data", entries.onDate(date));
    }
    if (farmerId != null) {
      return Map.of("data", entries.ofFarmer(farmerId));
    }
    throw ApiException.invalid("date", "or farmerId is required");
  }

  private Entry record(RequestBody body) {
    long farmerId = body.id("farmerId");
    long flowerId = body.id("flowerId");
    LocalDate today = LocalDate.now();
    LocalDate date = body.optionalDate("entryDate", today);
    if (date.isAfter(today)) {
      throw ApiException.invalid("entryDate", "must not be in the future");
    }
    BigDecimal kg = body.decimal("quantityKg", MIN_KG, MAX_KG);
    BigDecimal rate = body.decimal("ratePerKg", MIN_RATE, MAX_RATE);
    BigDecimal amount = Commission.amount(kg, rate);
    BigDecimal commission = Commission.of(amount);
    long[] notificationId = new long[1];
    Entry entry = Transactions.inTransaction(dataSource, connection -> {
      Farmer farmer = FarmerRepository.find(connection, farmerId);
      if (farmer == null) {
        throw ApiException.notFound("farmer", farmerId);
      }
      String flower = flowerId > Integer.MAX_VALUE ? null : EntryRepository.flowerName(connection, (int) flowerId);
      if (flower == null) {
        throw ApiException.invalid("flowerId", "must be one of the market's flowers (1 to 12)");
      }
      long id = EntryRepository.insert(connection, farmerId, (int) flowerId, date, kg, rate, amount, commission);
      String message = String.format("Vanakkam %s: %s kg %s received on %s at Rs %s/kg = Rs %s (commission Rs %s)",
          farmer.name(), kg.toPlainString(), flower, date, rate.toPlainString(), amount, commission);
      notificationId[0] = NotificationRepository.insert(connection, farmerId, "entry_recorded", message);
      return EntryRepository.find(connection, id);
    });
    queue.push(notificationId[0]);
    summaries.evict(date);
    return entry;
  }
}
