package io.oppflow.importing.internal;

import io.oppflow.importing.ImportJobView;
import io.oppflow.importing.ImportJobView.ImportStatus;
import io.oppflow.importing.ImportJobView.RowError;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The import jobs and their rejected rows, in the database so that every node can report them. */
@Component
public class ImportJobs {

  private final JdbcTemplate jdbc;

  ImportJobs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void create(String id, String processKey, String fileName, String createdBy, Instant at) {
    jdbc.update("insert into import_job (id, process_key, file_name, status, total, imported, skipped, rejected,"
        + " created_by, created_at, heartbeat_at) values (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
        id, processKey, fileName, ImportStatus.RUNNING.name(), createdBy, Timestamp.from(at), Timestamp.from(at));
  }

  void total(String id, int total, Instant at) {
    jdbc.update("update import_job set total = ?, heartbeat_at = ? where id = ?", total, Timestamp.from(at), id);
  }

  /** Adds a batch's counts and rejected rows; the job's node is alive at {@code at}. */
  void progress(String id, int imported, int skipped, List<RowError> rejected, Instant at) {
    jdbc.update("update import_job set imported = imported + ?, skipped = skipped + ?, rejected = rejected + ?,"
        + " heartbeat_at = ? where id = ?", imported, skipped, rejected.size(), Timestamp.from(at), id);
    jdbc.batchUpdate("insert into import_error (job_id, line, reason) values (?, ?, ?)",
        rejected.stream().map(e -> new Object[] {id, e.line(), truncate(e.reason())}).toList());
  }

  void finish(String id, ImportStatus status, String failure, Instant at) {
    jdbc.update("update import_job set status = ?, failure = ?, finished_at = ? where id = ?",
        status.name(), truncate(failure), Timestamp.from(at), id);
  }

  /** Fails the jobs still RUNNING whose last heartbeat is before {@code before}; returns how many. */
  int failRunningQuietSince(Instant before, String failure, Instant at) {
    return jdbc.update("update import_job set status = ?, failure = ?, finished_at = ? where status = ? and heartbeat_at < ?",
        ImportStatus.FAILED.name(), truncate(failure), Timestamp.from(at), ImportStatus.RUNNING.name(),
        Timestamp.from(before));
  }

  Optional<ImportJobView> find(String id) {
    List<RowError> errors = jdbc.query("select line, reason from import_error where job_id = ? order by line",
        (rs, n) -> new RowError(rs.getInt("line"), rs.getString("reason")), id);
    return jdbc.query("select * from import_job where id = ?", (rs, n) -> new ImportJobView(rs.getString("id"),
        rs.getString("process_key"), ImportStatus.valueOf(rs.getString("status")), rs.getInt("total"),
        rs.getInt("imported"), rs.getInt("skipped"), rs.getInt("rejected"), rs.getString("failure"), errors), id)
        .stream().findFirst();
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
