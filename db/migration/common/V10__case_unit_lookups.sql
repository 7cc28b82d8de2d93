-- The engine's read grants (system.security.CaseReadGrants) ask, when a process instance starts, ends or creates a
-- task, which unit leads its case: the lookup by a project's process instance must not scan the table.
CREATE INDEX ix_project_process ON project (process_instance_id);
