package io.malar.ledger.notifications;

import io.malar.ledger.http.ApiServlet;
import io.malar.ledger.http.Validation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import javax.sql.DataSource;

/** {@code /api/v1/notifications}: the newest notices, optionally of one status (queued, sent, failed). */
public final class NotificationsServlet extends ApiServlet {
  private static final long serialVersionUID = 1L;

  private final transient NotificationRepository notifications;

  public NotificationsServlet(DataSource dataSource) {
    this.notifications = new NotificationRepository(dataSource);
  }

  @Override
  protected Object handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response) {
    if (path.length != 0) {
      throw unknownPath(request);
    }
    if (!method.equals("GET")) {
      throw methodNotAllowed(method);
    }
    String status = Validation.oneOf(request, "status",
        NotificationRepository.QUEUED, NotificationRepository.SENT, NotificationRepository.FAILED);
    int limit = Validation.intParameter(request, "limit", 50, 1, 500);
    return Map.of("data", notifications.list(status, limit));
  }
}
