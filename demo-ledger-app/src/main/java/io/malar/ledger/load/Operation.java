package io.malar.ledger.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.Random;

/** One kind of request the market's clerks and back office make, with its share of the load (per mille). */
enum Operation {
  GET_FARMER("GET farmer", 300),
  LIST_FARMERS("GET farmers (page/search)", 70),
  RECORD_ENTRY("POST entry", 200),
  ENTRIES_BY_DATE("GET entries by date", 60),
  ENTRIES_BY_FARMER("GET entries by farmer", 40),
  DAILY_SUMMARY("GET daily summary", 90),
  FARMER_STATEMENT("GET farmer statement", 60),
  LIST_NOTIFICATIONS("GET notifications", 40),
  CREATE_FARMER("POST farmer", 30),
  UPDATE_FARMER("PUT farmer", 20),
  GENERATE_SETTLEMENT("POST settlement", 40),
  APPROVE_SETTLEMENT("POST settlement approve", 30),
  HEALTH("GET health/detailed", 20),
  /** Not in the mix: the back office asks for it every few seconds (it is a heavy report). */
  MONTHLY_REPORT("GET monthly report", 0);

  private static final String[] VILLAGES = {"Thovalai", "Hosur", "Nilakottai", "Dindigul", "Madurai East"};
  private static final String[] NAMES = {"Anbu Selvan", "Kala Devi", "Raja Gopal", "Sundari Mani", "Vel Murugan"};

  final String label;
  final int perMille;

  Operation(String label, int perMille) {
    this.label = label;
    this.perMille = perMille;
  }

  static Operation pick(Random random) {
    int roll = random.nextInt(1000);
    for (Operation operation : values()) {
      roll -= operation.perMille;
      if (roll < 0) {
        return operation;
      }
    }
    throw new IllegalStateException("the shares do not add up to 1000");
  }

  /** The request for this operation; {@code created} holds ids made earlier in the run. */
  HttpRequest.Builder request(String base, Random random, LoadState created) {
    LocalDate today = LocalDate.now();
    switch (this) {
      case GET_FARMER:
        // a few farmers are looked up all day long: most lookups hit the cache
        return get(base + "/api/v1/farmers/" + (random.nextInt(4) > 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(210)));
      case LIST_FARMERS:
        return get(base + "/api/v1/farmers?page=" + (1 + random.nextInt(10)) + "&size=20"
            + (random.nextBoolean() ? "&q=" + VILLAGES[random.nextInt(VILLAGES.length)].substring(0, 4) : ""));
      case RECORD_ENTRY:
        // one clerk in fifty mistypes the weight
        String kg = random.nextInt(50) == 0 ? "-3" : Double.toString(0.5 + random.nextInt(80) / 2.0);
        // late entries for the last few days come in too
        return post(base + "/api/v1/entries", "{\"farmerId\":" + (1 + random.nextInt(200)) + ",\"flowerId\":"
            + (1 + random.nextInt(12)) + ",\"entryDate\":\"" + today.minusDays(random.nextInt(3)) + "\",\"quantityKg\":"
            + kg + ",\"ratePerKg\":" + (50 + random.nextInt(600)) + "}");
      case ENTRIES_BY_DATE:
        return get(base + "/api/v1/entries?date=" + today.minusDays(random.nextInt(30)));
      case ENTRIES_BY_FARMER:
        return get(base + "/api/v1/entries?farmerId=" + (1 + random.nextInt(200)));
      case DAILY_SUMMARY:
        return get(base + "/api/v1/reports/daily-summary?date=" + today.minusDays(random.nextInt(7)));
      case FARMER_STATEMENT:
        return get(base + "/api/v1/reports/farmer-statement/" + statementFarmer(random, created));
      case LIST_NOTIFICATIONS:
        return get(base + "/api/v1/notifications?limit=20" + (random.nextInt(3) == 0 ? "&status=failed" : ""));
      case CREATE_FARMER:
        return post(base + "/api/v1/farmers", farmerJson(random));
      case UPDATE_FARMER:
        Long farmer = created.anyFarmer(random);
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/farmers/" + (farmer == null ? 1 : farmer)))
            .PUT(HttpRequest.BodyPublishers.ofString(farmerJson(random)));
      case GENERATE_SETTLEMENT:
        LocalDate end = today.minusDays(random.nextInt(20));
        return post(base + "/api/v1/settlements", "{\"farmerId\":" + (1 + random.nextInt(200))
            + ",\"periodStart\":\"" + end.minusDays(6) + "\",\"periodEnd\":\"" + end + "\"}");
      case APPROVE_SETTLEMENT:
        Long settlement = created.anySettlement(random);
        return post(base + "/api/v1/settlements/" + (settlement == null ? 1 : settlement) + "/approve", "");
      case HEALTH:
        return get(base + "/health/detailed");
      case MONTHLY_REPORT:
        // the month that holds most of the last 30 days
        LocalDate month = today.getDayOfMonth() >= 15 ? today : today.minusMonths(1);
        return get(base + "/api/v1/reports/monthly?month=" + month.toString().substring(0, 7));
      default:
        throw new IllegalStateException("no request for " + this);
    }
  }

  private static long statementFarmer(Random random, LoadState created) {
    Long recent = random.nextInt(40) == 0 ? created.anyFarmer(random) : null;
    return recent != null ? recent : 1 + random.nextInt(200);
  }

  private static String farmerJson(Random random) {
    String phone = String.format("+9198%08d", random.nextInt(100_000_000));
    String name = NAMES[random.nextInt(NAMES.length)];
    // the counter clerk often leaves the village out
    return random.nextInt(4) == 0
        ? "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}"
        : "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"village\":\"" + VILLAGES[random.nextInt(VILLAGES.length)] + "\"}";
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET();
  }

  private static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json));
  }
}
