-- Spring Modulith's event publication registry (schema v2), shared by H2 and PostgreSQL:
-- an event handed to a listener in another module is kept here until the listener completes,
-- so a reaction is never lost when the process dies between commit and handling.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp(6) with time zone not null,
    completion_date        timestamp(6) with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(6) with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id);
