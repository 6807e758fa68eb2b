package io.malar.ledger;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's defaults: an H2 file database and its own redis-server. */
class H2LedgerApiTest extends LedgerApiContract {
  @TempDir
  static Path dataDir;

  @Override
  Map<String, String> environment() {
    return Map.of("LEDGER_PORT", "0", "LEDGER_DATA_DIR", dataDir.toString(), "LEDGER_WHATSAPP_FAILURE_RATE", "0");
  }
}
