package io.malar.ledger.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ids the load created (farmers, settlements), so later requests can update and approve them. */
final class LoadState {
  private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

  private final List<Long> farmers = new ArrayList<>();
  private final List<Long> settlements = new ArrayList<>();

  void created(Operation operation, int status, String body) {
    if (status != 201) {
      return;
    }
    Matcher id = ID.matcher(body);
    if (!id.find()) {
      return;
    }
    synchronized (this) {
      if (operation == Operation.CREATE_FARMER) {
        farmers.add(Long.valueOf(id.group(1)));
      } else if (operation == Operation.GENERATE_SETTLEMENT) {
        settlements.add(Long.valueOf(id.group(1)));
      }
    }
  }

  synchronized Long anyFarmer(Random random) {
    return farmers.isEmpty() ? null : farmers.get(random.nextInt(farmers.size()));
  }

  synchronized Long anySettlement(Random random) {
    return settlements.isEmpty() ? null : settlements.get(random.nextInt(settlements.size()));
  }
}
