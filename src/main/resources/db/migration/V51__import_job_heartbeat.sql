-- An import job's node writes its heartbeat at every batch; any node fails the RUNNING jobs whose
-- heartbeat has gone quiet (their node stopped), so a restart of one node never fails another's import.
alter table import_job add column heartbeat_at timestamp with time zone;
update import_job set heartbeat_at = coalesce(finished_at, created_at);
create index ix_import_job_running on import_job (status, heartbeat_at);
