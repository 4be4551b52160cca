-- CSV imports run in the background; their progress and rejected rows are kept here so that any node
-- can answer GET /api/imports/{id}.

create table import_job (
  id           varchar(36)  primary key,
  process_key  varchar(100) not null,
  file_name    varchar(300),
  status       varchar(10)  not null,
  total        integer      not null,
  imported     integer      not null,
  skipped      integer      not null,
  rejected     integer      not null,
  failure      varchar(2000),
  created_by   varchar(64)  not null,
  created_at   timestamp with time zone not null,
  finished_at  timestamp with time zone
);

create table import_error (
  job_id  varchar(36)   not null references import_job (id),
  line    integer       not null,
  reason  varchar(2000) not null
);

create index ix_import_error_job on import_error (job_id, line);
