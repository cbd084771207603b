-- Issue 13, the operator's view: a failed run says which of its steps failed and the root cause's message (the
-- bottom of the exception's "Caused by" chain), shown at the top of the run's page; the message column keeps
-- the exception as it was thrown.
ALTER TABLE audit_runs ADD COLUMN failed_step VARCHAR(16);
ALTER TABLE audit_runs ADD COLUMN root_cause VARCHAR(2000);
