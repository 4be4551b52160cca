package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The funnel's index: stage intervals in the order the stage figures need them (process, stage, dwell), carrying
 * every column the funnel filters or counts, so that on PostgreSQL the unsliced funnel reads the index alone,
 * already sorted for its dwell percentiles, instead of the table. Java because only PostgreSQL has INCLUDE.
 */
public class V54__Stage_interval_funnel_index extends BaseJavaMigration {

  private static final String KEY = "stage_interval (process_key, stage, dwell_seconds)";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      s.execute("create index ix_stage_interval_funnel on " + KEY + (postgres
          ? " include (entered_at, outcome, source, owner, org_unit, region, project_type, customer_type)" : ""));
    }
  }
}
