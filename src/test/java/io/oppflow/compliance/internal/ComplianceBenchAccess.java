package io.oppflow.compliance.internal;

import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.funnel.StageProcess;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Runs the bypass scan outside Spring, on any data source: for the benchmark in io.oppflow.bench. Stage names
 * come from no process model here, so violations name stages by their codes.
 */
public final class ComplianceBenchAccess {

  private ComplianceBenchAccess() {}

  /** The violation scan of all time, as the scheduled check and {@code GET /api/compliance/violations} run it. */
  public static final class AllTimeScan {

    private final BypassDetector detector;
    private final ComplianceScope allTime = new ComplianceScope(Optional.empty(), null, null);

    private AllTimeScan(DataSource dataSource) {
      this.detector = new BypassDetector(new NamedParameterJdbcTemplate(dataSource),
          new StageNames(new StageCatalog() {
            @Override
            public List<StageDefinition> stagesOf(String processKey) {
              return List.of();
            }

            @Override
            public List<StageProcess> processes() {
              return List.of();
            }
          }));
    }

    public long count() {
      return detector.count(allTime);
    }

    public List<Violation> find() {
      return detector.find(allTime);
    }
  }

  public static AllTimeScan allTimeScan(DataSource dataSource) {
    return new AllTimeScan(dataSource);
  }

  /**
   * The scan's {@code count(*)} statement, for {@code EXPLAIN}: read from the detector so the benchmark explains
   * the statement the application runs, not a copy that may drift.
   */
  public static String countSql() {
    return "select count(*)" + BypassDetector.unallowed(new ComplianceScope(Optional.empty(), null, null),
        new org.springframework.jdbc.core.namedparam.MapSqlParameterSource());
  }
}
