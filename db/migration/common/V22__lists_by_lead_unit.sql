-- A program manager's list of claims starts from the claims their unit leads, newest first, a page at a time:
-- read through this index instead of every claim of the city.
CREATE INDEX ix_policy_claim_lead_unit ON policy_claim (lead_unit, id);
