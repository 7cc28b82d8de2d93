-- History retention (audit.FundedCaseRetention) asks, when a process ends, whether it belongs to a funded case:
-- these lookups by process instance must not scan the tables.
CREATE INDEX ix_application_process ON application (process_instance_id);
CREATE INDEX ix_funding_call_process ON funding_call (process_instance_id);
CREATE INDEX ix_ledger_process ON ledger_entry (process_instance_id);
