package io.malar.ledger.farmers;

import io.malar.ledger.db.DataAccessException;
import io.malar.ledger.db.Transactions;
import io.malar.ledger.http.ApiException;
import io.malar.ledger.http.ApiServlet;
import io.malar.ledger.http.RequestBody;
import io.malar.ledger.http.Validation;
import io.malar.ledger.redis.JsonCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** {@code /api/v1/farmers}: list with paging and search, get by id (cached in Redis), create, update. */
public final class FarmersServlet extends ApiServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{10,13}");
  private static final String PHONE_RULE = "must be 10 to 13 digits, optionally starting with +";

  private final transient DataSource dataSource;
  private final transient FarmerRepository farmers;
  private final transient JsonCache<Farmer> cache;

  public FarmersServlet(DataSource dataSource, JsonCache<Farmer> cache) {
    this.dataSource = dataSource;
    this.farmers = new FarmerRepository(dataSource);
    this.cache = cache;
  }

  @Override
  protected Object handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (path.length == 0) {
      switch (method) {
        case "GET": return list(request);
        case "POST":
          response.setStatus(201);
          return create(RequestBody.of(request));
        default: throw methodNotAllowed(method);
      }
    }
    if (path.length == 1) {
      long id = Validation.id("id", path[0]);
      switch (method) {
        case "GET": return get(id);
        case "PUT": return update(id, RequestBody.of(request));
        default: throw methodNotAllowed(method);
      }
    }
    throw unknownPath(request);
  }

  private Object list(HttpServletRequest request) {
    String search = request.getParameter("q");
    if (search != null && (search.isBlank() || search.length() > 50)) {
      throw ApiException.invalid("q", "must be 1 to 50 characters");
    }
    int page = Validation.intParameter(request, "page", 1, 1, 100_000);
    int size = Validation.intParameter(request, "size", 20, 1, 100);
    return Map.of("data", farmers.list(search, page, size), "page", page, "size", size,
        "total", farmers.count(search));
  }

  private Farmer get(long id) {
    Farmer farmer = cache.get(id, () -> farmers.find(id));
    if (farmer == null) {
      throw ApiException.notFound("farmer", id);
    }
    return farmer;
  }

  private Farmer create(RequestBody body) {
    String name = body.text("name", 2, 100);
    String phone = body.matching("phone", PHONE, PHONE_RULE);
    String village = body.optionalText("village", 60);
    return writing(phone, () -> Transactions.inTransaction(dataSource, connection -> {
      if (FarmerRepository.phoneTaken(connection, phone, 0)) {
        throw phoneConflict(phone);
      }
      return FarmerRepository.find(connection, FarmerRepository.insert(connection, name, phone, village));
    }));
  }

  private Farmer update(long id, RequestBody body) {
    String name = body.text("name", 2, 100);
    String phone = body.matching("phone", PHONE, PHONE_RULE);
    String village = body.optionalText("village", 60);
    Farmer updated = writing(phone, () -> Transactions.inTransaction(dataSource, connection -> {
      if (FarmerRepository.find(connection, id) == null) {
        throw ApiException.notFound("farmer", id);
      }
      if (FarmerRepository.phoneTaken(connection, phone, id)) {
        throw phoneConflict(phone);
      }
      FarmerRepository.update(connection, id, name, phone, village);
      return FarmerRepository.find(connection, id);
    }));
    cache.evict(id);
    return updated;
  }

  /** A concurrent write of the same phone passes the check but not the unique constraint: still a 409. */
  private static Farmer writing(String phone, Supplier<Farmer> write) {
    try {
      return write.get();
    } catch (DataAccessException e) {
      if (e.isConstraintViolation()) {
        throw phoneConflict(phone);
      }
      throw e;
    }
  }

  private static ApiException phoneConflict(String phone) {
    return ApiException.conflict("phone " + phone + " already belongs to another farmer");
  }
}
