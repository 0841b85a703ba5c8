-- The check of the organisation's time zone against the one the periods were cut in: instances
-- started together on an empty database both found no zone stored and both inserted it.
insert into start_up_lock (name) values ('period-zone');
