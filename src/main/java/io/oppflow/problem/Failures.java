package io.oppflow.problem;

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
import org.springframework.web.ErrorResponse;

/**
 * Recognises, anywhere in a cause chain, the failures that every door answers the same way: refusals that
 * carry their own status (also when an engine command wraps them, e.g. "ENGINE-03051 There was an exception while
 * invoking the TaskListener"), an unreachable database (503), and database refusals that are really the
 * client's fault (a value too long, a NUL byte: 400; a duplicate: 409). Used by our API's advice and by
 * the mapper of {@code /engine-rest} and the webapps' engine API, so both answer alike.
 */
final class Failures {

  /** A duplicate or a broken reference, refused by a database constraint. */
  static final String COLLIDES = "与已有数据冲突（如编码已被使用） / The change collides with existing data (e.g. a code in use)";

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
              COLLIDES));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A refusal that carries its own answer (the modules' {@code ProblemException}s and Spring's
   * {@code ErrorResponse}s), or a concurrent change the engine or JPA detected.
   */
  private static Failure domain(Throwable t) {
    if (t instanceof ErrorResponse refusal) {
      return Failure.of(refusal);
    }
    if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException) {
      return Failure.of(HttpStatus.CONFLICT, "Concurrent change",
          "有人同时修改了此商机，请重新读取后重试 / "
              + "Someone else changed this opportunity at the same time; read it again and retry");
    }
    return null;
  }
}
