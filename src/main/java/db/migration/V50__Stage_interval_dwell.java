package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives stage_interval its dwell in seconds (null while the stage is open) as a column the database computes
 * from left_at and entered_at, so the funnel aggregates plain numbers instead of subtracting timestamps and
 * sorting intervals on every request, and no writer (engine listener, import, test data) can forget it or get
 * it wrong. Java because the syntax of generated columns differs between H2 and PostgreSQL.
 */
public class V50__Stage_interval_dwell extends BaseJavaMigration {

  private static final String DWELL = "cast(extract(epoch from left_at - entered_at) as double precision)";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      if (postgres) {
        s.execute("alter table stage_interval add column dwell_seconds double precision generated always as (" + DWELL
            + ") stored");
      } else {
        s.execute("alter table stage_interval add column dwell_seconds double precision generated always as (" + DWELL + ")");
      }
    }
  }
}
