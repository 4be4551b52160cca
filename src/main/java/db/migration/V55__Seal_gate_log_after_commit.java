package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gate records are stored unsealed and sealed by the sealer after their transaction committed (issue 13): the
 * chain columns may be null until then, and on PostgreSQL the triggers of V41 change in the one way this needs.
 * <ul>
 *   <li>{@code gate_record}: an UPDATE is allowed only to seal an unsealed record: the old seq, prev_hash and hash
 *       null, the new ones set, the new seq after the head, and every other column unchanged. Every other UPDATE,
 *       every DELETE and TRUNCATE stay refused.</li>
 *   <li>{@code gate_log_head}: moves only forward, and only onto records that are there: the records after the old
 *       head up to the new one all exist, and the last of them has the head's new hash. One step at a time (V41)
 *       is the case of one record; a pass that seals several moves the head once.</li>
 * </ul>
 * Self-contained, like V41: it imports no application class.
 */
public class V55__Seal_gate_log_after_commit extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("alter table gate_record alter column seq drop not null");
      s.execute("alter table gate_record alter column prev_hash drop not null");
      s.execute("alter table gate_record alter column hash drop not null");
      if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        sealOnlyOnPostgres(s);
      }
    }
  }

  private static void sealOnlyOnPostgres(Statement s) throws SQLException {
    // the unique constraint's index on seq also finds the unsealed records (seq is null); this one holds only them
    s.execute("create index ix_gate_record_unsealed on gate_record (id) where seq is null");
    s.execute("""
        create or replace function gate_record_append_only() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' then
            if old.seq is not null or old.prev_hash is not null or old.hash is not null then
              raise exception 'gate_record is append-only: UPDATE refused';
            end if;
            if new.seq is null or new.prev_hash is null or new.hash is null then
              raise exception 'gate_record is append-only: sealing sets seq, prev_hash and hash; UPDATE refused';
            end if;
            if to_jsonb(new) - 'seq' - 'prev_hash' - 'hash' is distinct from to_jsonb(old) - 'seq' - 'prev_hash' - 'hash' then
              raise exception 'gate_record is append-only: sealing may not change a record''s content; UPDATE refused';
            end if;
            if new.seq <= (select last_seq from gate_log_head where id = 1) then
              raise exception 'gate_record is append-only: a record is sealed after the head, not at seq %; UPDATE refused', new.seq;
            end if;
            return new;
          end if;
          raise exception 'gate_record is append-only: % refused', tg_op;
        end $$""");
    s.execute("""
        create or replace function gate_log_head_forward_only() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' then
            if new.id = old.id and new.last_seq > old.last_seq
                and (select count(*) from gate_record where seq > old.last_seq and seq <= new.last_seq)
                    = new.last_seq - old.last_seq
                and exists (select 1 from gate_record where seq = new.last_seq and hash = new.last_hash) then
              return new;
            end if;
          end if;
          raise exception 'gate_log_head only moves forward, onto the records sealed after it: % refused', tg_op;
        end $$""");
  }
}
