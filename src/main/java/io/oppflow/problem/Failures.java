package io.oppflow.problem;

import io.oppflow.compliance.ComplianceAccessDeniedException;
import io.oppflow.funnel.FunnelAccessDeniedException;
import io.oppflow.gate.GateEvaluationException;
import io.oppflow.gate.GateExceptionNotFoundException;
import io.oppflow.gate.GateExceptionStateException;
import io.oppflow.gate.RuleChangeForbiddenException;
import io.oppflow.gate.RuleSetNotFoundException;
import io.oppflow.importing.ImportForbiddenException;
import io.oppflow.importing.ImportJobNotFoundException;
import io.oppflow.opportunity.InvalidOpportunityException;
import io.oppflow.opportunity.OpportunityAccessDeniedException;
import io.oppflow.opportunity.OpportunityClosedException;
import io.oppflow.opportunity.OpportunityConflictException;
import io.oppflow.opportunity.OpportunityNotFoundException;
import io.oppflow.warning.WarningAccessDeniedException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises, anywhere in a cause chain, the failures that every door answers the same way: our domain
 * exceptions (also when an engine command wraps them, e.g. "ENGINE-03051 There was an exception while
 * invoking the TaskListener"), an unreachable database (503), and database refusals that are really the
 * client's fault (a value too long, a NUL byte: 400; a duplicate: 409). Used by our API's advice and by
 * the mapper of {@code /engine-rest} and the webapps' engine API, so both answer alike.
 */
final class Failures {

  private Failures() {}

  static Optional<Failure> classify(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      Failure domain = domain(t);
      if (domain != null) {
        return Optional.of(domain);
      }
    }
    if (databaseUnavailable(thrown)) {
      return Optional.of(Failure.databaseUnavailable());
    }
    if (lockTimedOut(thrown)) {
      return Optional.of(Failure.busy());
    }
    return clientData(thrown);
  }

  /** Whether the chain says the database could not be reached or dropped the connection. */
  static boolean databaseUnavailable(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof ConnectException) {
        return true;
      }
      // 08: connection exception; 57P01-57P03: the server terminated the session or is shutting down
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
        return true;
      }
      // Hikari's answer on a connection it already evicted (no SQLSTATE), e.g. when the rollback after a
      // dropped connection fails and hides the first error
      if (t instanceof SQLException s && s.getSQLState() == null && "Connection is closed".equals(s.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a statement gave up waiting for a lock (H2's lock timeout, PostgreSQL's lock_timeout 55P03). */
  private static boolean lockTimedOut(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof QueryTimeoutException) {
        return true;
      }
      if (t instanceof SQLException s && ("55P03".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Failure> clientData(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        // 22: data exception (too long, NUL byte, negative LIMIT/OFFSET); H2 says 90008 for a bad OFFSET
        if (s.getSQLState().startsWith("22") || "90008".equals(s.getSQLState())) {
          return Optional.of(Failure.of(HttpStatus.BAD_REQUEST, "Invalid value",
              "某个值过长、超出范围或含有无法保存的字符（如 NUL）/ A value is too long, out of range or holds a character "
                  + "that cannot be stored (such as NUL)"));
        }
        if ("23502".equals(s.getSQLState())) {
          return Optional.of(Failure.of(HttpStatus.BAD_REQUEST, "Invalid request",
              "缺少必填的值 / A required value is missing"));
        }
        if (s.getSQLState().startsWith("23")) {
          return Optional.of(Failure.of(HttpStatus.CONFLICT, "Conflict",
              "与已有数据冲突（如编码已被使用）/ The change collides with existing data (e.g. a code in use)"));
        }
      }
    }
    return Optional.empty();
  }

  private static Failure domain(Throwable t) {
    if (t instanceof InvalidOpportunityException e) {
      return Failure.invalid(e.errors());
    }
    if (t instanceof OpportunityNotFoundException) {
      return Failure.of(HttpStatus.NOT_FOUND, "Opportunity not found", t.getMessage());
    }
    if (t instanceof OpportunityAccessDeniedException) {
      return Failure.of(HttpStatus.FORBIDDEN, "Forbidden", "You may not access this opportunity");
    }
    if (t instanceof RuleChangeForbiddenException || t instanceof WarningAccessDeniedException
        || t instanceof FunnelAccessDeniedException || t instanceof ImportForbiddenException
        || t instanceof ComplianceAccessDeniedException) {
      return Failure.of(HttpStatus.FORBIDDEN, "Forbidden", t.getMessage());
    }
    if (t instanceof OpportunityConflictException || t instanceof OpportunityClosedException
        || t instanceof GateExceptionStateException) {
      return Failure.of(HttpStatus.CONFLICT, "Conflict", t.getMessage());
    }
    if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException) {
      return Failure.of(HttpStatus.CONFLICT, "Concurrent change",
          "Someone else changed this opportunity at the same time; read it again and retry");
    }
    if (t instanceof GateExceptionNotFoundException) {
      return Failure.of(HttpStatus.NOT_FOUND, "Gate exception not found", t.getMessage());
    }
    if (t instanceof RuleSetNotFoundException) {
      return Failure.of(HttpStatus.NOT_FOUND, "Rule set not found", t.getMessage());
    }
    if (t instanceof GateEvaluationException e) {
      return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR, "Stage gate could not be evaluated",
          e.getMessage() + ". Nothing was changed; sales operations must fix the rule.");
    }
    if (t instanceof ImportJobNotFoundException) {
      return Failure.of(HttpStatus.NOT_FOUND, "Import job not found", t.getMessage());
    }
    return null;
  }
}
