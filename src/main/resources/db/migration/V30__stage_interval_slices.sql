-- The funnel filters and groups stage intervals by their opportunity's slices. Copying them here lets the
-- funnel query read stage_interval alone, without a join with opportunity. StageIntervals writes them when an
-- interval opens and rewrites them when an opportunity's region, project type or customer type change
-- (owner and org unit are fixed at creation).

alter table stage_interval add column owner varchar(64);
alter table stage_interval add column org_unit varchar(200);
alter table stage_interval add column region varchar(100);
alter table stage_interval add column project_type varchar(10);
alter table stage_interval add column customer_type varchar(10);

update stage_interval set
  owner = (select o.owner from opportunity o where o.code = stage_interval.opportunity_code),
  org_unit = (select o.org_unit from opportunity o where o.code = stage_interval.opportunity_code),
  region = (select o.region from opportunity o where o.code = stage_interval.opportunity_code),
  project_type = (select o.project_type from opportunity o where o.code = stage_interval.opportunity_code),
  customer_type = (select o.customer_type from opportunity o where o.code = stage_interval.opportunity_code);
