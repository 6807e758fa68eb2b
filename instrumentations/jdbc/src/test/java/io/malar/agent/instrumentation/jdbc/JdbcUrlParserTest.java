package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.semconv.DbAttributes.DB_NAMESPACE;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // url | db.system.name | db.namespace | server.address | server.port
        "jdbc:postgresql://127.0.0.1:5432/test | postgresql | test | 127.0.0.1 | 5432",
        "jdbc:postgresql://db.example.com/ledger?user=app&password=s3cret | postgresql | ledger | db.example.com | 5432",
        "jdbc:postgresql://pg1:5432,pg2:5433/ledger?targetServerType=primary | postgresql | ledger | pg1 | 5432",
        "jdbc:postgresql://[::1]:5432/test | postgresql | test | ::1 | 5432",
        "jdbc:postgresql:ledger | postgresql | ledger | | -1",
        "jdbc:mariadb://127.0.0.1:3306/test | mariadb | test | 127.0.0.1 | 3306",
        "jdbc:mariadb:replication://primary:3306,replica:3307/ledger?user=app | mariadb | ledger | primary | 3306",
        "jdbc:mysql://app:s3cret@db:3306/ledger?useSSL=false | mysql | ledger | db | 3306",
        "jdbc:mysql:loadbalance://db1:3306,db2:3306/ledger | mysql | ledger | db1 | 3306",
        "jdbc:mysql://address=(host=db)(port=3307)(user=app)/ledger | mysql | ledger | db | 3307",
        "jdbc:mysql+srv://cluster.example.com/ledger | mysql | ledger | cluster.example.com | 3306",
        "jdbc:h2:mem:ledger | h2database | ledger | | -1",
        "jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1 | h2database | ledger | | -1",
        "jdbc:h2:mem: | h2database | | | -1",
        "jdbc:h2:file:/data/ledger;AUTO_SERVER=TRUE | h2database | /data/ledger | | -1",
        "jdbc:h2:~/ledger | h2database | ~/ledger | | -1",
        "jdbc:h2:tcp://localhost:9092/mem:ledger | h2database | ledger | localhost | 9092",
        "jdbc:h2:ssl://db.example.com/~/ledger | h2database | ~/ledger | db.example.com | -1",
        "jdbc:oracle:thin:@db:1521:ORCL | oracle.db | ORCL | db | 1521",
        "jdbc:oracle:thin:@//db:1521/ledger.example.com | oracle.db | ledger.example.com | db | 1521",
        "jdbc:oracle:thin:scott/s3cret@db:1521/ledger | oracle.db | ledger | db | 1521",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1522))(CONNECT_DATA=(SERVICE_NAME=ledger))) | oracle.db | ledger | db | 1522",
        "jdbc:oracle:thin:@ledger_tns | oracle.db | | | -1",
        "jdbc:sqlserver://db:1433;databaseName=ledger;user=app;password=s3cret | microsoft.sql_server | ledger | db | 1433",
        "jdbc:sqlserver://db\\SQLEXPRESS;databaseName=ledger | microsoft.sql_server | 'SQLEXPRESS|ledger' | db | -1",
        "jdbc:sqlserver://;serverName=db;portNumber=1434;database=ledger | microsoft.sql_server | ledger | db | 1434",
        "jdbc:jtds:sqlserver://db:1433/ledger;instance=main | microsoft.sql_server | ledger | db | 1433",
        "jdbc:sqlite:/var/data/ledger.db | sqlite | /var/data/ledger.db | | -1",
        "jdbc:sqlite::memory: | sqlite | | | -1",
        "jdbc:derby:memory:ledger;create=true | derby | ledger | | -1",
        "jdbc:derby://db:1527/ledger;create=true | derby | ledger | db | 1527",
        "jdbc:hsqldb:mem:ledger | hsqldb | ledger | | -1",
        "jdbc:hsqldb:hsql://db:9001/ledger | hsqldb | ledger | db | 9001",
        "jdbc:db2://db:50000/LEDGER:currentSchema=APP; | ibm.db2 | LEDGER | db | 50000",
        "JDBC:PostgreSQL://DB:5432/Ledger | postgresql | Ledger | DB | 5432",
        "jdbc:firebirdsql://db:3050/ledger | other_sql | ledger | db | 3050",
        "jdbc:odbc:ledger | other_sql | | | -1",
        "not a jdbc url | other_sql | | | -1",
      })
  void readsTheUrl(String url, String system, String namespace, String address, int port) {
    ConnectionInfo info = JdbcUrlParser.parse(url);

    assertThat(info.system()).as("system").isEqualTo(system);
    assertThat(info.namespace()).as("namespace").isEqualTo(namespace);
    assertThat(info.address()).as("address").isEqualTo(address);
    assertThat(info.port()).as("port").isEqualTo(port);
    assertThat(info.toString()).doesNotContain("s3cret").doesNotContain("scott").doesNotContain("app:");
  }

  @Test
  void nullIsUnknown() {
    assertThat(JdbcUrlParser.parse(null)).isSameAs(JdbcUrlParser.UNKNOWN);
  }

  @Test
  void attributesHoldWhatIsKnown() {
    assertThat(JdbcUrlParser.parse("jdbc:postgresql://127.0.0.1:5432/test").attributes().asMap())
        .containsOnly(
            entry(DB_SYSTEM_NAME, "postgresql"),
            entry(DB_NAMESPACE, "test"),
            entry(SERVER_ADDRESS, "127.0.0.1"),
            entry(SERVER_PORT, 5432L));
    assertThat(JdbcUrlParser.parse("jdbc:h2:mem:ledger").attributes().asMap())
        .containsOnly(
            entry(DB_SYSTEM_NAME, "h2database"), entry(DB_NAMESPACE, "ledger"));
  }

  private static <T> Map.Entry<AttributeKey<?>, Object> entry(AttributeKey<T> key, T value) {
    return Map.entry(key, value);
  }
}
