package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JdbcScenarioApp;
import io.malar.agent.tests.apps.LedgerWork;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** JDBC spans from real drivers: H2 always, PostgreSQL and MariaDB where they answer. */
class JdbcTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void h2() throws Exception {
    List<ReceivedSpan> spans = run("h2database", "jdbc:h2:mem:scenario;DB_CLOSE_DELAY=-1");
    assertThat(spans).allSatisfy(span -> assertThat(span.attribute("db.namespace")).isEqualTo("scenario"));
  }

  @Test
  void postgresql() throws Exception {
    Services.require("PostgreSQL", 5432);
    List<ReceivedSpan> spans = run("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    assertThat(spans).allSatisfy(span -> {
      assertThat(span.attribute("server.address")).isEqualTo("127.0.0.1");
      assertThat(span.longAttribute("server.port")).isEqualTo(5432L);
      assertThat(span.attribute("db.namespace")).isEqualTo("test");
    });
  }

  @Test
  void mariadb() throws Exception {
    Services.require("MariaDB", 3306);
    List<ReceivedSpan> spans = run("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
    assertThat(spans).allSatisfy(span -> {
      assertThat(span.attribute("server.address")).isEqualTo("127.0.0.1");
      assertThat(span.longAttribute("server.port")).isEqualTo(3306L);
      assertThat(span.attribute("db.namespace")).isEqualTo("test");
    });
  }

  /** Runs the scenario under the agent, checks what every database must show, returns the spans. */
  private static List<ReceivedSpan> run(String system, String... args) throws Exception {
    String withoutAgent = scenarioOutput(null, args);
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      assertThat(scenarioOutput(receiver, args)).isEqualTo(withoutAgent);
      assertThat(withoutAgent).contains("inserted 1", "batch 3", "found 1", "failed as expected", "pooled Farmer 3", "DONE");

      // 2 DDL + insert + batch + query + failing + pooled query; drivers and pools may add their own
      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              span -> system.equals(span.attribute("db.system.name")) && span.attribute("db.query.text").contains("malar_"), 7, WAIT);
      assertThat(spans).hasSize(7).allSatisfy(span -> {
        assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.parentSpanIdHex()).isEmpty();
      });

      ReceivedSpan insert = only(spans, text("INSERT INTO malar_farmers (id, name, phone) VALUES (?, ?, ?)").and(span -> span.longAttribute("db.operation.batch.size") == null));
      assertThat(insert.name()).isEqualTo("INSERT malar_farmers");
      assertThat(insert.attribute("db.operation.name")).isEqualTo("INSERT");
      assertThat(insert.attribute("db.collection.name")).isEqualTo("malar_farmers");

      ReceivedSpan batch = only(spans, span -> span.longAttribute("db.operation.batch.size") != null);
      assertThat(batch.longAttribute("db.operation.batch.size")).isEqualTo(3L);
      assertThat(batch.name()).isEqualTo("BATCH INSERT malar_farmers");

      ReceivedSpan query = only(spans, text("SELECT id FROM malar_farmers WHERE phone = ? AND name = ?"));
      assertThat(query.name()).isEqualTo("SELECT malar_farmers");

      ReceivedSpan failing = only(spans, text("SELECT * FROM malar_no_such_table WHERE phone = ?"));
      assertThat(failing.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
      assertThat(failing.attribute("error.type")).contains("SQL");
      assertThat(failing.events()).extracting(event -> event.getName()).contains("exception");

      // HikariCP's proxy and the driver's statement: one span
      only(spans, text("SELECT name FROM malar_farmers WHERE id = ?"));

      assertThat(receiver.allReceivedText()).doesNotContain(LedgerWork.PHONE, "98765", LedgerWork.NAME, "99999000");
      return spans;
    }
  }

  private static String scenarioOutput(OtlpReceiver receiver, String... args) throws Exception {
    AgentApp.Builder builder =
        AgentApp.main(JdbcScenarioApp.class).withoutWaiting().property("malar.agent.startup", "premain").args(args);
    builder = receiver == null ? builder.withoutAgent() : builder.exportingTo(receiver);
    try (AgentApp app = builder.start()) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isZero();
      assertThat(app.agentErrors()).isEmpty();
      return app.stdout();
    }
  }

  private static Predicate<ReceivedSpan> text(String sanitized) {
    return span -> sanitized.equals(span.attribute("db.query.text"));
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> matching = spans.stream().filter(which).toList();
    assertThat(matching).as("matching spans among %s", spans.stream().map(span -> span.name() + " " + span.attribute("db.query.text")).toList()).hasSize(1);
    return matching.get(0);
  }
}
