-- Settings Tandem remembers about itself (e.g. the time zone its roll-ups were computed in).
create table tandem_setting (
    name       varchar(64)  primary key,
    setting    varchar(500) not null,
    updated_at timestamp(6) with time zone not null
);

-- One row per periodic job: an instance runs the job only after taking the row until a time,
-- so that several instances of Tandem never run the same job at once.
create table job_lock (
    name         varchar(64)  primary key,
    locked_until timestamp(6) with time zone not null,
    locked_by    varchar(200) not null
);
