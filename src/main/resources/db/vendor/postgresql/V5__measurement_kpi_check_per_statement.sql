-- PostgreSQL only (H2 keeps the plain foreign key). The foreign key from measurement to kpi
-- checked every inserted row on its own: one lookup and one row lock of kpi per point, which
-- made a bulk COPY of a million points take two to three times as long as the COPY itself.
-- The same rule is now checked once per statement over all the rows it inserted: every
-- kpi_id must name a KPI, locked FOR KEY SHARE as the foreign key would lock it (so that a KPI
-- cannot be deleted under a write that is adding points to it), and deleting a KPI still
-- deletes its points.
alter table measurement drop constraint measurement_kpi_id_fkey;

create function measurement_kpi_check() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    perform 1 from kpi k where k.id in (select distinct n.kpi_id from new_rows n) for key share of k;
    select n.kpi_id into missing from (select distinct kpi_id from new_rows) n
    where not exists (select 1 from kpi k where k.id = n.kpi_id) limit 1;
    if found then
        raise foreign_key_violation using message = 'insert or update on table "measurement" violates the rule '
            || 'that kpi_id names a KPI', detail = 'Key (kpi_id)=(' || missing || ') is not present in table "kpi".';
    end if;
    return null;
end $$;

create trigger measurement_kpi_insert after insert on measurement
    referencing new table as new_rows for each statement execute function measurement_kpi_check();
create trigger measurement_kpi_update after update on measurement
    referencing new table as new_rows for each statement execute function measurement_kpi_check();

create function kpi_delete_measurements() returns trigger language plpgsql as $$
begin
    delete from measurement m using old_rows o where m.kpi_id = o.id;
    return null;
end $$;

create trigger kpi_delete_measurements after delete on kpi
    referencing old table as old_rows for each statement execute function kpi_delete_measurements();

create function kpi_id_unchanged() returns trigger language plpgsql as $$
begin
    if new.id <> old.id and exists (select 1 from measurement m where m.kpi_id = old.id) then
        raise foreign_key_violation using message = 'a KPI''s id cannot change while measurements refer to it';
    end if;
    return new;
end $$;

create trigger kpi_id_unchanged before update of id on kpi for each row execute function kpi_id_unchanged();
