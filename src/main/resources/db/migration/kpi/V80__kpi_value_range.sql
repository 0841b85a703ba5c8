-- The values a KPI can take, either end open: forecasts are clipped to it. Both null means
-- the unit's default (a percent 0-100, counts, amounts and durations not below 0).
alter table kpi add column range_min double precision;
alter table kpi add column range_max double precision;
