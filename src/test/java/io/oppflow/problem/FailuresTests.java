package io.oppflow.problem;

import io.oppflow.shared.FieldError;
import io.oppflow.shared.InvalidRequestException;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;

/** What every door answers for the failures it recognises, wherever they sit in the cause chain. */
class FailuresTests {

  @Test
  void shouldAnswer503WithRetryAfterWhenTheDatabaseIsUnreachable() {
    for (Throwable down : new Throwable[] {
        new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
        new ProcessEngineException("ENGINE-03004", new SQLException("FATAL: terminating connection due to administrator command", "57P01")),
        new RuntimeException(new SQLException("This connection has been closed.", "08003")),
        // a rollback on a dropped connection hides the first error behind Hikari's closed proxy
        new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))}) {
      Failure f = Failures.classify(down).orElseThrow();
      assertThat(f.status()).as(down.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(f.retryAfterSeconds()).isEqualTo(Failure.DATABASE_RETRY_AFTER_SECONDS);
    }
  }

  @Test
  void shouldAnswerDatabaseRefusalsOfTheClientsDataWith4xx() {
    assertThat(Failures.classify(new ProcessEngineException("x", new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
        .orElseThrow().status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Failures.classify(new RuntimeException(new SQLException("value too long for type character varying(255)", "22001")))
        .orElseThrow().status()).isEqualTo(HttpStatus.BAD_REQUEST);
    // e.g. a stage process started through /engine-rest without a business key
    assertThat(Failures.classify(new RuntimeException(new SQLException("null value in column \"opportunity_code\" violates not-null constraint", "23502")))
        .orElseThrow().status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Failures.classify(new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505")))
        .orElseThrow().status()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void shouldAnswerADomainExceptionWrappedByTheEngineWithItsOwnStatusAndFields() {
    Failure f = Failures.classify(new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
        InvalidRequestException.of("stageAction", "must be ADVANCE, LOSE or REQUEST_EXCEPTION"))).orElseThrow();
    assertThat(f.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((java.util.List<?>) f.errors()).extracting("field").containsExactly("stageAction");
  }

  @Test
  void shouldKeepEveryPropertyOfAWrappedRefusalBesideItsFields() {
    InvalidRequestException refusal = InvalidRequestException.of("process", "required: choose one of [a, b]");
    refusal.getBody().setProperty("choices", java.util.List.of("a", "b"));

    Failure f = Failures.classify(new ProcessEngineException("ENGINE-16004 Exception while closing command context",
        refusal)).orElseThrow();

    assertThat((java.util.List<?>) f.errors()).extracting("field").containsExactly("process");
    assertThat(f.properties()).containsOnlyKeys("choices").containsEntry("choices", java.util.List.of("a", "b"));
  }

  @Test
  void shouldNotRecogniseAnUnknownFailure() {
    assertThat(Failures.classify(new IllegalStateException("boom", new SQLException("deadlock detected", "40P01")))).isEmpty();
  }

  @Test
  void shouldShowNoSqlNorQualifiedClassNamesInAnEngineMessage() {
    assertThat(EngineRestErrors.safe("Cannot convert value 'x' to java type java.lang.Integer")).isEqualTo("Cannot convert value 'x' to java type Integer");
    assertThat(EngineRestErrors.safe("### Error updating database. Cause: org.postgresql.util.PSQLException: ERROR: null value\n### SQL: insert into stage_interval (a) values (?)"))
        .doesNotContain("insert into").doesNotContain("ERROR:").doesNotContain("org.postgresql");
  }
}
