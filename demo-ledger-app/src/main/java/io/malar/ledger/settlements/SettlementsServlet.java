package io.malar.ledger.settlements;

import io.malar.ledger.db.Transactions;
import io.malar.ledger.http.ApiException;
import io.malar.ledger.http.ApiServlet;
import io.malar.ledger.http.RequestBody;
import io.malar.ledger.http.Validation;
import io.malar.ledger.notifications.NotificationRepository;
import io.malar.ledger.redis.NotificationQueue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code /api/v1/settlements}: generate for a period (pending approval), approve (the farmer is
 * notified), list. Each write is one transaction.
 */
public final class SettlementsServlet extends ApiServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_PERIOD_DAYS = 31;

  private final transient DataSource dataSource;
  private final transient SettlementRepository settlements;
  private final transient NotificationQueue queue;

  public SettlementsServlet(DataSource dataSource, NotificationQueue queue) {
    this.dataSource = dataSource;
    this.settlements = new SettlementRepository(dataSource);
    this.queue = queue;
  }

  @Override
  protected Object handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (path.length == 0) {
      switch (method) {
        case "GET":
          return Map.of("data", settlements.list(
              Validation.oneOf(request, "status", SettlementRepository.PENDING, SettlementRepository.APPROVED),
              Validation.optionalId(request, "farmerId")));
        case "POST":
          response.setStatus(201);
          return generate(RequestBody.of(request));
        default: throw methodNotAllowed(method);
      }
    }
    if (path.length == 2 && path[1].equals("approve")) {
      if (!method.equals("POST")) {
        throw methodNotAllowed(method);
      }
      return approve(Validation.id("id", path[0]));
    }
    throw unknownPath(request);
  }

  private Settlement generate(RequestBody body) {
    long farmerId = body.id("farmerId");
    LocalDate start = body.date("periodStart");
    LocalDate end = body.date("periodEnd");
    if (end.isBefore(start)) {
      throw ApiException.invalid("periodEnd", "must not be before periodStart");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_PERIOD_DAYS) {
      throw ApiException.invalid("periodEnd", "must be within " + MAX_PERIOD_DAYS + " days of periodStart");
    }
    return Transactions.inTransaction(dataSource, connection -> {
      BigDecimal advances = SettlementRepository.lockAdvanceBalance(connection, farmerId);
      if (advances == null) {
        throw ApiException.notFound("farmer", farmerId);
      }
      SettlementRepository.Unsettled sums = SettlementRepository.unsettled(connection, farmerId, start, end);
      if (sums.count() == 0) {
        throw ApiException.conflict("farmer " + farmerId + " has no unsettled entries from " + start + " to " + end);
      }
      BigDecimal net = sums.gross().subtract(sums.commission()).subtract(advances);
      if (net.signum() < 0) {
        throw ApiException.conflict("settling farmer " + farmerId + " would leave a negative balance: sales "
            + sums.gross() + " - commission " + sums.commission() + " - advances " + advances + " = " + net);
      }
      long id = SettlementRepository.insert(connection, farmerId, start, end, sums, advances, net);
      SettlementRepository.settle(connection, id, farmerId, start, end);
      return SettlementRepository.find(connection, id);
    });
  }

  private Settlement approve(long id) {
    long[] notificationId = new long[1];
    Settlement approved = Transactions.inTransaction(dataSource, connection -> {
      Settlement settlement = SettlementRepository.find(connection, id);
      if (settlement == null) {
        throw ApiException.notFound("settlement", id);
      }
      if (!SettlementRepository.approve(connection, id)) {
        throw ApiException.conflict("settlement " + id + " is already approved");
      }
      notificationId[0] = NotificationRepository.insert(connection, settlement.farmerId(), "settlement_approved",
          "Your settlement for " + settlement.periodStart() + " to " + settlement.periodEnd() + " is approved: Rs "
              + settlement.netAmount() + " will be paid.");
      return SettlementRepository.find(connection, id);
    });
    queue.push(notificationId[0]);
    return approved;
  }
}
