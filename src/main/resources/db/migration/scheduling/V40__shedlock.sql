-- ShedLock's lock table: one row per periodic job. An instance runs a job only after taking its
-- row until a time computed by the database itself (so instance clocks do not matter), and keeps
-- it for at least just under the job's interval, so that one instance runs each job once per
-- interval. Times are the database's: UTC on PostgreSQL, the server's local time on H2.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);

-- the hand-written lock it replaces
drop table job_lock;
