-- The audit pages' case search shows the newest cases first (at most 200): each kind of case is read newest first
-- through its index on created_at and stops after 200 rows, instead of reading and sorting every case of the city
-- (issue 15: at 20,000 claims the search took 390 ms, docs/performance.md).
CREATE INDEX ix_project_created ON project (created_at, id);
CREATE INDEX ix_application_created ON application (created_at, id);
CREATE INDEX ix_policy_claim_created ON policy_claim (created_at, id);
CREATE INDEX ix_funding_call_created ON funding_call (created_at, id);
