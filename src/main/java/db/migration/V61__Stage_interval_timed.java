package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Marks the imported stage intervals whose dwell is true history: {@code timed} when the file dated the interval's
 * entry and its exit (while open: its entry; the engine times the exit). The funnel's dwell figures are over the
 * engine's intervals and the timed imported ones (docs/metrics.md "Dwell"). False for every interval written before,
 * imported ones included: their dates could not be told from the import's guesses, so they stay out of the dwell
 * figures as they were. On PostgreSQL the funnel index (V54) carries the column too, so the unsliced funnel still
 * reads the index alone. Java because only PostgreSQL has INCLUDE.
 */
public class V61__Stage_interval_timed extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      s.execute("alter table stage_interval add column timed boolean default false not null");
      if (postgres) {
        s.execute("drop index ix_stage_interval_funnel");
        s.execute("create index ix_stage_interval_funnel on stage_interval (process_key, stage, dwell_seconds)"
            + " include (entered_at, outcome, source, timed, owner, org_unit, region, project_type, customer_type)");
      }
    }
  }
}
