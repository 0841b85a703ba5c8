-- The sign-in throttle, shared by every instance: one row per failed password sign-in (by
-- username and, separately, by client address), and the keys locked until a moment.
create table sign_in_failure (
    throttle_key varchar(300) not null,
    failed_at    timestamp(6) with time zone not null
);
create index sign_in_failure_by_key_idx on sign_in_failure (throttle_key, failed_at);

create table sign_in_lock (
    throttle_key varchar(300) not null primary key,
    locked_until timestamp(6) with time zone not null
);
