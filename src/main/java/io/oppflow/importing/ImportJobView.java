package io.oppflow.importing;

import java.util.List;

/**
 * What an import job did so far: rows in the file, imported, skipped (their code exists already, so
 * nothing changed) and rejected, with every rejected row's line and reason.
 */
public record ImportJobView(String id, String process, ImportStatus status, int total, int imported, int skipped,
    int rejected, String failure, List<RowError> errors) {

  /** A row that was not imported. */
  public record RowError(int line, String reason) {}

  /**
   * RUNNING until every row was tried; FAILED if the job itself broke or a restart interrupted it (its rows
   * so far stay imported).
   */
  public enum ImportStatus { RUNNING, DONE, FAILED }
}
