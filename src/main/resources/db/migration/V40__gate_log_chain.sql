-- The gate log becomes a hash chain (issue 5): every gate record gets its place (seq), the hash of the
-- record before it and its own hash. The head row holds the last place and hash; appends lock it, so all
-- nodes append in one order. V41 (Java) seals the records written before this, then makes the columns
-- required and, on PostgreSQL, installs the triggers that refuse UPDATE, DELETE and TRUNCATE.

alter table gate_record add column seq bigint;
alter table gate_record add column prev_hash varchar(64);
alter table gate_record add column hash varchar(64);

create table gate_log_head (
  id        integer     primary key,
  last_seq  bigint      not null,
  last_hash varchar(64) not null
);

insert into gate_log_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- bypass detection looks for the record that let an opportunity out of a stage
-- verdict last, so the look-up can be answered from the index alone (gate records are wide: the facts)
create index ix_gate_record_instance_stage on gate_record (process_instance_id, stage, evaluated_at, verdict);
create index ix_gate_record_evaluated on gate_record (evaluated_at);
create index ix_stage_interval_instance_order on stage_interval (process_instance_id, stage_order, entered_at);
