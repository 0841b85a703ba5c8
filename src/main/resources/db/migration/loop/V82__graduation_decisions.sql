-- One decision per KPI: open graduations of one KPI are decided together. Accepting one settles
-- the others as SUPERSEDED, naming the graduation that settled them and why.
alter table graduation add column superseded_by bigint;
alter table graduation add column superseded_reason varchar(1000);
alter table graduation drop constraint graduation_state_ck;
alter table graduation add constraint graduation_state_ck
    check (state in ('OPEN', 'ACCEPTED', 'DISMISSED', 'SUPERSEDED'));
-- a KPI's open decision, for the inbox and the KPI's page
create index graduation_kpi_state_idx on graduation (kpi_id, state);
-- the proposal an objective was drafted from, for the objective's page
create index proposal_objective_idx on proposal (objective_id);
