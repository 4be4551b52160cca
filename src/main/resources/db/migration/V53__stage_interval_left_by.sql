-- Who was signed in to the engine when a stage was left: for a stage left other than through its gate (an
-- administrator's process-instance modification or migration) the one who moved the opportunity, which the
-- stage timeline shows. Null where the engine acted on its own, and for intervals written before this column.
alter table stage_interval add column left_by varchar(64);
