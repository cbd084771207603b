-- Incremental nightly runs (docs/ARCHITECTURE.md, "Incremental runs").
-- A full run of every customer looks ahead to its horizon (a few days on, never past its month) and becomes
-- the base of incremental runs up to then; an incremental run re-evaluates only the customers whose records
-- changed since the run before it and those whose findings the look-ahead showed may still change, and
-- carries the other customers' findings over from that run.

ALTER TABLE audit_runs ADD COLUMN run_mode VARCHAR(12) NOT NULL DEFAULT 'FULL';  -- FULL, INCREMENTAL, SCOPED
ALTER TABLE audit_runs ADD COLUMN base_run_id BIGINT;        -- INCREMENTAL: the run whose findings it carries
ALTER TABLE audit_runs ADD COLUMN horizon_on DATE;           -- a base for incremental runs as of dates up to this
ALTER TABLE audit_runs ADD COLUMN reference_hash VARCHAR(64);-- tariffs, units and staff as the run read them
ALTER TABLE audit_runs ADD COLUMN findings_carried BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_runs ADD COLUMN loads_through BIGINT;     -- the last load (load_batches.id) finished before it began

-- Customers an incremental run re-evaluates, and why (CHANGED records, RECHECK from a look-ahead).
CREATE TABLE audit_run_candidates (
    run_id       BIGINT      NOT NULL REFERENCES audit_runs (id),
    customer_no  VARCHAR(32) NOT NULL,
    reason       VARCHAR(8)  NOT NULL,
    PRIMARY KEY (run_id, customer_no)
);

-- Customers whose findings as of the run's horizon differ from those as of its as-of date: time alone may
-- change them, so the next incremental run re-evaluates them. Kept per run; a completed run replaces the
-- rows of the customers it evaluated.
CREATE TABLE audit_recheck (
    run_id       BIGINT      NOT NULL REFERENCES audit_runs (id),
    customer_no  VARCHAR(32) NOT NULL,
    PRIMARY KEY (run_id, customer_no)
);
CREATE INDEX ix_audit_recheck_customer ON audit_recheck (customer_no);
