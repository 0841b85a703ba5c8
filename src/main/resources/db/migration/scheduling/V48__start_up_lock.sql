-- One row per task that must be done once, by one instance, when instances start together on an
-- empty database (the first administrator, the demo). The instance that runs it holds the row
-- locked (select ... for update) until it is done; another that starts at the same moment waits
-- on the row, then finds the work done and skips it. A holder that dies releases the row with its
-- connection, so the waiter then does the work itself.
create table start_up_lock (
    name varchar(64) primary key
);

insert into start_up_lock (name) values ('first-admin');
insert into start_up_lock (name) values ('demo');
