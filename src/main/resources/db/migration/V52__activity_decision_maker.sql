-- A logged activity says whether its contact decides for the customer (the rep's word, e.g. from the Tasklist
-- form), so a gate can accept a meeting with a decision maker not yet named in the customer's project team.
alter table opportunity_activity add column decision_maker boolean default false not null;
