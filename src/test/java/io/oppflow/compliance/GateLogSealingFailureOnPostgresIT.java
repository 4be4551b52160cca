package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An advance never fails because its record cannot be sealed: the advance has committed when the sealer runs. Here
 * another session holds the gate log's head ({@code select … for update}, as a stuck sealer of another node or an
 * operator's session would), on a real PostgreSQL. Either the sealing pass really fails (the database refuses its
 * wait for the head under a short {@code lock_timeout}), or it waits longer than {@code seal-wait}: both times the
 * advance answers 200 with its gate decision committed, its record stays pending (verify says so, and that the
 * chain is intact), and once the head is free the sweep seals it.
 */
@PostgresServiceTest
@ExtendWith(OutputCaptureExtension.class)
class GateLogSealingFailureOnPostgresIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private final ExecutorService client = Executors.newSingleThreadExecutor();

  @BeforeEach
  void nothingPending() {
    await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
  }

  @Test
  void shouldAnswerTheAdvanceWithItsGateDecisionCommittedWhenItsSealingPassFails(CapturedOutput output) throws Exception {
    String code = open();
    try (HeldHead head = HeldHead.take(dataSource)) {
      sessionsFromNowOnWaitForALockAtMost("100ms");
      try {
        Future<ApiClient.Response> advancing = client.submit(() -> advance(code));
        ApiClient.Response advanced = advancing.get(2, TimeUnit.MINUTES);

        assertAdvancedPastTarget(code, advanced);
        assertThat(output).as("the sealing pass really failed").contains("Gate log: sealing failed")
            .contains("canceling statement due to lock timeout");
        assertThat(recordSeq(code)).as("its record, while the head is held").isNull();
        assertIntactWithPending(verify(), 1);
      } finally {
        sessionsFromNowOnWaitForALockAtMost(null);
      }
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> recordSeq(code) != null);
    assertIntactWithPending(verify(), 0);
    assertThat(output).contains("Gate log: sealing works again");
  }

  @Test
  void shouldAnswerTheAdvanceAfterSealWaitWhenTheHeadIsHeldLongerAndSealTheRecordLater(CapturedOutput output)
      throws Exception {
    String code = open();
    ApiClient.Response advanced;
    try (HeldHead head = HeldHead.take(dataSource)) {
      // without a lock timeout the pass waits for the head as long as it is held: the advance waits seal-wait (2 s)
      advanced = client.submit(() -> advance(code)).get(1, TimeUnit.MINUTES);

      assertAdvancedPastTarget(code, advanced);
      assertThat(output).contains("Gate log: sealing took longer than PT2S");
      assertThat(recordSeq(code)).as("its record, while the head is held").isNull();
      assertThat(head.waitingForIt()).as("sessions waiting for the head: the sealing pass").isPositive();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> recordSeq(code) != null);
    assertIntactWithPending(verify(), 0);
  }

  private String open() {
    String code = Opportunities.freshCode("SEALFAIL");
    ApiClient.Response opened = ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.qualified(code).toString());
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return code;
  }

  private ApiClient.Response advance(String code) {
    return ApiClient.as(port, "rep1").post("/api/opportunities/" + code + "/advance", null);
  }

  /** 200 with the TARGET gate passed, and the stage change and its gate record committed. */
  private void assertAdvancedPastTarget(String code, ApiClient.Response advanced) {
    assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
    assertThat(advanced.json().path("verdict").asText()).isEqualTo("PASSED");
    assertThat(advanced.json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(ApiClient.as(port, "rep1").get("/api/opportunities/" + code).json().path("stage").asText())
        .isEqualTo("DISCOVER");
    assertThat(jdbc.queryForObject("select verdict from gate_record where opportunity_code = ? and stage = 'TARGET'",
        String.class, code)).isEqualTo("PASSED");
  }

  private static void assertIntactWithPending(JsonNode verification, long pending) {
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("pending").path("count").asLong()).as(verification.toString()).isEqualTo(pending);
  }

  private JsonNode verify() {
    ApiClient.Response r = ApiClient.as(port, "ops1").get("/api/audit/verify");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private Long recordSeq(String code) {
    return jdbc.queryForObject("select seq from gate_record where opportunity_code = ?", Long.class, code);
  }

  private long pending() {
    return jdbc.queryForObject("select count(*) from gate_record where seq is null", Long.class);
  }

  /**
   * Sets (or with null resets) PostgreSQL's {@code lock_timeout} for the sessions opened from now on, and has the
   * service's pool replace its connections, so its sealer's next pass runs with it.
   */
  private void sessionsFromNowOnWaitForALockAtMost(String timeout) throws SQLException {
    jdbc.execute(timeout == null ? "alter database postgres reset lock_timeout"
        : "alter database postgres set lock_timeout = '" + timeout + "'");
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
  }

  /** A session of its own that holds the gate log's head until closed. */
  private record HeldHead(Connection connection, long pid) implements AutoCloseable {

    static HeldHead take(DataSource dataSource) throws SQLException {
      Connection c = dataSource.getConnection();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeQuery("select last_seq from gate_log_head where id = 1 for update").close();
        try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
          rs.next();
          return new HeldHead(c, rs.getLong(1));
        }
      }
    }

    /** Sessions waiting for a lock this one holds. */
    long waitingForIt() throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where " + pid + " = any(pg_blocking_pids(pid))")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        connection.rollback();
      } finally {
        connection.close();
      }
    }
  }
}
