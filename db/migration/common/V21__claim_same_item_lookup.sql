-- Registering a claim looks for a live or paid claim of the same organization for the same measure, reference date
-- and category ("不得重复申领"), and the lead unit's check lists the organization's claims under the measure. Both
-- read through this index instead of every claim the organization ever made. It starts with organization_id, so it
-- also serves the foreign key, and the index on organization_id alone goes.
CREATE INDEX ix_policy_claim_same_item ON policy_claim (organization_id, measure, reference_date);
ALTER TABLE policy_claim DROP INDEX ix_policy_claim_organization;
