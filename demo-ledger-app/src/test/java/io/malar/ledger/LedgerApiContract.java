package io.malar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint's success and error paths, against a running ledger on a real database and Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerApiContract {
  private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000));

  private LedgerServer ledger;
  private Api api;

  /** The ledger's environment for this database and Redis; called once, before the ledger starts. */
  abstract Map<String, String> environment() throws Exception;

  @BeforeAll
  void startLedger() throws Exception {
    ledger = LedgerServer.start(new LedgerConfig(environment()));
    api = new Api(ledger.port());
  }

  @AfterAll
  void stopLedger() {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void healthAndDetailedHealth() throws Exception {
    Api.Response health = api.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("healthy");
    assertThat(health.json().get("version").asText()).isEqualTo("1.0.0");

    JsonNode detailed = api.get("/health/detailed").json();
    assertThat(detailed.get("status").asText()).isEqualTo("healthy");
    for (String component : new String[] {"database", "redis", "notification_worker", "system"}) {
      assertThat(detailed.at("/components/" + component + "/status").asText()).as(component).isEqualTo("healthy");
    }
    assertThat(detailed.at("/components/database/response_time_ms").isNumber()).isTrue();
  }

  @Test
  void listsFarmersByPageAndSearch() throws Exception {
    JsonNode page = api.get("/api/v1/farmers?page=2&size=5").json();
    assertThat(page.get("data")).hasSize(5);
    assertThat(page.at("/data/0/id").asLong()).isEqualTo(6);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(200);

    JsonNode found = api.get("/api/v1/farmers?q=hosur&size=100").json();
    assertThat(found.get("data")).isNotEmpty()
        .allSatisfy(farmer -> assertThat(farmer.get("village").asText()).isEqualTo("Hosur"));

    assertInvalid(api.get("/api/v1/farmers?size=0"), "size", "must be an integer from 1 to 100");
  }

  @Test
  void getsAFarmerAndAnswers404And400() throws Exception {
    Api.Response farmer = api.get("/api/v1/farmers/7");
    assertThat(farmer.status()).isEqualTo(200);
    assertThat(farmer.json().get("phone").asText()).startsWith("+9194");
    // the second read comes from the cache and is the same
    assertThat(api.get("/api/v1/farmers/7").json()).isEqualTo(farmer.json());

    Api.Response missing = api.get("/api/v1/farmers/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("farmer 999999 does not exist");
    assertInvalid(api.get("/api/v1/farmers/abc"), "id", "must be a positive integer");
    assertThat(api.get("/api/v1/farmers/1/entries").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/farmers/1").status()).isEqualTo(405);
  }

  @Test
  void createsAndUpdatesFarmers() throws Exception {
    String phone = phone();
    Api.Response created = api.post("/api/v1/farmers",
        "{\"name\":\"Kamala Devi\",\"phone\":\"" + phone + "\",\"village\":\"Thovalai\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.json().get("advanceBalance").decimalValue()).isZero();

    assertThat(api.post("/api/v1/farmers", "{\"name\":\"Other\",\"phone\":\"" + phone + "\"}").status()).isEqualTo(409);
    assertInvalid(api.post("/api/v1/farmers", "{\"phone\":\"" + phone() + "\"}"), "name", "is required");
    assertInvalid(api.post("/api/v1/farmers", "{\"name\":\"Kamala\",\"phone\":\"12-34\"}"), "phone",
        "must be 10 to 13 digits, optionally starting with +");
    assertInvalid(api.post("/api/v1/farmers", "not json"), "body", "must be a JSON object");

    // cached first, then updated: the update must not be hidden by the cache
    assertThat(api.get("/api/v1/farmers/" + id).json().get("name").asText()).isEqualTo("Kamala Devi");
    Api.Response updated = api.put("/api/v1/farmers/" + id,
        "{\"name\":\"Kamala Murugan\",\"phone\":\"" + phone + "\",\"village\":\"Hosur\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/farmers/" + id).json().get("name").asText()).isEqualTo("Kamala Murugan");

    String takenPhone = api.get("/api/v1/farmers/1").json().get("phone").asText();
    assertThat(api.put("/api/v1/farmers/" + id, "{\"name\":\"Kamala\",\"phone\":\"" + takenPhone + "\"}").status())
        .isEqualTo(409);
    assertThat(api.put("/api/v1/farmers/999999", "{\"name\":\"Kamala\",\"phone\":\"" + phone() + "\"}").status())
        .isEqualTo(404);
  }

  @Test
  void recordsEntriesAndTheWorkerSendsTheNotice() throws Exception {
    long farmer = newFarmer("Thovalai");
    Api.Response entry = api.post("/api/v1/entries",
        "{\"farmerId\":" + farmer + ",\"flowerId\":1,\"quantityKg\":12.5,\"ratePerKg\":560}");
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.json().get("flower").asText()).isEqualTo("jasmine");
    assertThat(entry.json().get("amount").decimalValue()).isEqualByComparingTo("7000.00");
    assertThat(entry.json().get("commission").decimalValue()).isEqualByComparingTo("700.00");
    assertThat(entry.json().get("entryDate").asText()).isEqualTo(LocalDate.now().toString());

    JsonNode byFarmer = api.get("/api/v1/entries?farmerId=" + farmer).json();
    assertThat(byFarmer.get("data")).hasSize(1);
    JsonNode byDate = api.get("/api/v1/entries?date=" + LocalDate.now()).json();
    assertThat(byDate.get("data")).anySatisfy(e -> assertThat(e.get("farmerId").asLong()).isEqualTo(farmer));

    JsonNode notice = awaitNotice(farmer, "sent");
    assertThat(notice.get("kind").asText()).isEqualTo("entry_recorded");
    assertThat(notice.get("message").asText()).contains("12.5 kg jasmine", "Rs 7000.00");
    assertThat(api.get("/api/v1/notifications?status=sent&limit=500").json().get("data"))
        .anySatisfy(n -> assertThat(n.get("farmerId").asLong()).isEqualTo(farmer));
    assertInvalid(api.get("/api/v1/notifications?status=lost"), "status", "must be one of queued, sent, failed");
  }

  @Test
  void refusesBadEntries() throws Exception {
    String valid = "\"farmerId\":1,\"flowerId\":2,\"ratePerKg\":60";
    assertInvalid(api.post("/api/v1/entries", "{" + valid + ",\"quantityKg\":-3}"), "quantityKg",
        "must be between 0.1 and 1000");
    assertInvalid(api.post("/api/v1/entries", "{" + valid + ",\"quantityKg\":\"heavy\"}"), "quantityKg",
        "must be a number");
    assertInvalid(api.post("/api/v1/entries", "{" + valid + ",\"quantityKg\":3,\"entryDate\":\""
        + LocalDate.now().plusDays(1) + "\"}"), "entryDate", "must not be in the future");
    assertInvalid(api.post("/api/v1/entries", "{\"farmerId\":1,\"flowerId\":13,\"quantityKg\":3,\"ratePerKg\":60}"),
        "flowerId", "must be one of the market's flowers (1 to 12)");
    assertThat(api.post("/api/v1/entries", "{\"farmerId\":999999,\"flowerId\":2,\"quantityKg\":3,\"ratePerKg\":60}")
        .status()).isEqualTo(404);
    assertInvalid(api.get("/api/v1/entries"), "date", "or farmerId is required");
    assertInvalid(api.get("/api/v1/entries?date=yesterday"), "date", "must be a date as YYYY-MM-DD");
  }

  @Test
  void anEntryIsAllOrNothing() throws Exception {
    long farmer = newFarmer("Hosur");
    // the notice's insert fails after the entry's: the entry must not stay behind
    execute("ALTER TABLE notifications ADD CONSTRAINT test_no_entry_notices CHECK (farmer_id <> " + farmer + ")");
    try {
      Api.Response refused = api.post("/api/v1/entries",
          "{\"farmerId\":" + farmer + ",\"flowerId\":3,\"quantityKg\":4,\"ratePerKg\":180}");
      assertThat(refused.status()).isEqualTo(500);
    } finally {
      execute("ALTER TABLE notifications DROP CONSTRAINT test_no_entry_notices");
    }
    assertThat(count("SELECT COUNT(*) FROM entries WHERE farmer_id = " + farmer)).isZero();
    assertThat(api.post("/api/v1/entries", "{\"farmerId\":" + farmer + ",\"flowerId\":3,\"quantityKg\":4,"
        + "\"ratePerKg\":180}").status()).isEqualTo(201);
  }

  @Test
  void generatesAndApprovesSettlements() throws Exception {
    long farmer = newFarmer("Dindigul");
    LocalDate today = LocalDate.now();
    String period = ",\"periodStart\":\"" + today.minusDays(6) + "\",\"periodEnd\":\"" + today + "\"}";
    Api.Response nothing = api.post("/api/v1/settlements", "{\"farmerId\":" + farmer + period);
    assertThat(nothing.status()).isEqualTo(409);
    assertThat(nothing.json().get("message").asText()).contains("has no unsettled entries");

    api.post("/api/v1/entries", "{\"farmerId\":" + farmer + ",\"flowerId\":2,\"quantityKg\":50,\"ratePerKg\":60}");
    api.post("/api/v1/entries", "{\"farmerId\":" + farmer + ",\"flowerId\":3,\"quantityKg\":10,\"ratePerKg\":200,"
        + "\"entryDate\":\"" + today.minusDays(2) + "\"}");
    Api.Response generated = api.post("/api/v1/settlements", "{\"farmerId\":" + farmer + period);
    assertThat(generated.status()).isEqualTo(201);
    JsonNode settlement = generated.json();
    assertThat(settlement.get("status").asText()).isEqualTo("pending_approval");
    assertThat(settlement.get("grossAmount").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(settlement.get("commission").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(settlement.get("netAmount").decimalValue()).isEqualByComparingTo("4500.00");
    long id = settlement.get("id").asLong();
    assertThat(api.get("/api/v1/entries?farmerId=" + farmer).json().get("data"))
        .allSatisfy(entry -> assertThat(entry.get("settlementId").asLong()).isEqualTo(id));
    // the same entries are not settled twice
    assertThat(api.post("/api/v1/settlements", "{\"farmerId\":" + farmer + period).status()).isEqualTo(409);

    Api.Response approved = api.post("/api/v1/settlements/" + id + "/approve", "");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("approved");
    Api.Response twice = api.post("/api/v1/settlements/" + id + "/approve", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("message").asText()).isEqualTo("settlement " + id + " is already approved");
    assertThat(api.post("/api/v1/settlements/999999/approve", "").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/settlements?status=approved&farmerId=" + farmer).json().get("data")).hasSize(1);
    assertThat(awaitNotice(farmer, "sent").get("kind").asText()).isIn("entry_recorded", "settlement_approved");

    assertInvalid(api.post("/api/v1/settlements", "{\"farmerId\":" + farmer + ",\"periodStart\":\"" + today
        + "\",\"periodEnd\":\"" + today.minusDays(1) + "\"}"), "periodEnd", "must not be before periodStart");
    assertThat(api.post("/api/v1/settlements", "{\"farmerId\":999999" + period).status()).isEqualTo(404);
  }

  @Test
  void refusesASettlementThatLeavesANegativeBalanceAndWritesNothing() throws Exception {
    long farmer = newFarmer("Nilakottai");
    api.post("/api/v1/entries", "{\"farmerId\":" + farmer + ",\"flowerId\":2,\"quantityKg\":10,\"ratePerKg\":60}");
    execute("UPDATE farmers SET advance_balance = 5000 WHERE id = " + farmer);
    LocalDate today = LocalDate.now();
    Api.Response refused = api.post("/api/v1/settlements", "{\"farmerId\":" + farmer + ",\"periodStart\":\""
        + today.minusDays(6) + "\",\"periodEnd\":\"" + today + "\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("would leave a negative balance", "advances 5000");
    assertThat(count("SELECT COUNT(*) FROM settlements WHERE farmer_id = " + farmer)).isZero();
    assertThat(count("SELECT COUNT(*) FROM entries WHERE settlement_id IS NULL AND farmer_id = " + farmer)).isOne();
  }

  @Test
  void reports() throws Exception {
    LocalDate yesterday = LocalDate.now().minusDays(1);
    JsonNode summary = api.get("/api/v1/reports/daily-summary?date=" + yesterday).json();
    assertThat(summary.get("flowers")).isNotEmpty();
    assertThat(summary.get("totalAmount").decimalValue()).isPositive();
    assertThat(api.get("/api/v1/reports/daily-summary?date=" + yesterday).json()).isEqualTo(summary);

    JsonNode statement = api.get("/api/v1/reports/farmer-statement/3").json();
    assertThat(statement.get("entries")).isNotEmpty();
    assertThat(statement.get("route").asText()).hasSize(3);
    assertThat(api.get("/api/v1/reports/farmer-statement/999999").status()).isEqualTo(404);
    assertInvalid(api.get("/api/v1/reports/farmer-statement/3?from=2026-01-01&to=2025-12-01"), "to",
        "must not be before from");

    String month = yesterday.toString().substring(0, 7);
    JsonNode monthly = api.get("/api/v1/reports/monthly?month=" + month).json();
    assertThat(monthly.get("topSuppliers")).isNotEmpty();
    assertInvalid(api.get("/api/v1/reports/monthly?month=May"), "month", "must be a month as YYYY-MM");
    assertInvalid(api.get("/api/v1/reports/monthly"), "month", "is required");
    assertThat(api.get("/api/v1/reports/weekly").status()).isEqualTo(404);
  }

  @Test
  void aStatementForAFarmerWithoutAVillageFails() throws Exception {
    Api.Response created = api.post("/api/v1/farmers", "{\"name\":\"Ravi\",\"phone\":\"" + phone() + "\"}");
    // the statement's route code assumes every farmer has a village: an unexpected exception, a 500
    assertThat(api.get("/api/v1/reports/farmer-statement/" + created.json().get("id").asLong()).status())
        .isEqualTo(500);
  }

  private long newFarmer(String village) throws Exception {
    Api.Response created = api.post("/api/v1/farmers",
        "{\"name\":\"Test Farmer\",\"phone\":\"" + phone() + "\",\"village\":\"" + village + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private JsonNode awaitNotice(long farmer, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode notice : api.get("/api/v1/notifications?limit=500&status=" + status).json().get("data")) {
        if (notice.get("farmerId").asLong() == farmer) {
          return notice;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + status + " notice for farmer " + farmer + " within 10 s");
  }

  private static void assertInvalid(Api.Response response, String field, String rule) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("rule").asText()).isEqualTo(rule);
  }

  private static String phone() {
    return "+9199" + PHONES.incrementAndGet();
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = ledger.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection connection = ledger.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
