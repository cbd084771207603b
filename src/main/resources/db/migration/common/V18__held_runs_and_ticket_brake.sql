-- Issue 11, "safe to operate": a run waits for its data (held, or forced with a reason), a run can be withdrawn,
-- and a brake holds a rule's new tickets when a run would open far more of them than the rule's recent periods.
-- Portable SQL (H2 and PostgreSQL).

-- who started a run by hand, why it was forced despite missing data, who withdrew it, when and why
ALTER TABLE audit_runs ADD COLUMN started_by VARCHAR(64);
ALTER TABLE audit_runs ADD COLUMN force_reason VARCHAR(2000);
ALTER TABLE audit_runs ADD COLUMN withdrawn_by VARCHAR(64);
ALTER TABLE audit_runs ADD COLUMN withdrawn_at TIMESTAMP;
ALTER TABLE audit_runs ADD COLUMN withdraw_reason VARCHAR(2000);

-- per station, the audited period's extract as the data-arrival check found it when a run was held or forced
CREATE TABLE audit_run_data_gaps (
    run_id        BIGINT        NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
    station_code  VARCHAR(32)   NOT NULL,
    station_name  VARCHAR(200)  NOT NULL,
    meters        BIGINT        NOT NULL,  -- in-service meters installed by the period's end
    readings      BIGINT        NOT NULL,  -- of those, with a reading of the period
    customers     BIGINT        NOT NULL,  -- customers with such a meter
    bills         BIGINT        NOT NULL,  -- of those, with a bill of the period
    PRIMARY KEY (run_id, station_code)
);

-- the brake: a rule whose new tickets a run held for the auditors (AWAITING_CONFIRMATION), with the figures it
-- was judged on and the auditors' decision (CONFIRMED or WITHDRAWN; null while the tickets wait)
CREATE TABLE ticket_brakes (
    run_id           BIGINT        NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
    rule_code        VARCHAR(16)   NOT NULL,
    audited_period   VARCHAR(7)    NOT NULL,
    new_tickets      BIGINT        NOT NULL,
    period_tickets   BIGINT        NOT NULL,  -- the rule's tickets of the period with this run's new ones
    history_median   NUMERIC(14,1),           -- median per earlier period; null: no earlier period to compare
    history_periods  INTEGER       NOT NULL,
    decision         VARCHAR(16),
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP,
    decision_reason  VARCHAR(2000),
    PRIMARY KEY (run_id, rule_code)
);

-- the tickets a running run will open at its end, staged with its findings batch by batch: only when the run has
-- covered its scope does the brake count them per rule and open them (dispatched, or held for confirmation)
CREATE TABLE ticket_openings (
    run_id             BIGINT        NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
    fingerprint        VARCHAR(200)  NOT NULL,
    rule_code          VARCHAR(16)   NOT NULL,
    theme              VARCHAR(8)    NOT NULL,
    severity           VARCHAR(10)   NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    subject_type       VARCHAR(16)   NOT NULL,
    subject_id         VARCHAR(80)   NOT NULL,
    customer_no        VARCHAR(32),
    period             VARCHAR(7),
    station_code       VARCHAR(32),
    team_kind          VARCHAR(16)   NOT NULL,
    team_unit_code     VARCHAR(32),
    message            VARCHAR(2000) NOT NULL,
    remedy             VARCHAR(2000),
    opened_at          TIMESTAMP     NOT NULL,
    due_on             DATE          NOT NULL,
    reopens_ticket_id  BIGINT,                 -- a withdrawn ticket found again
    PRIMARY KEY (run_id, fingerprint)
);

-- the run that opened a ticket (the first run, or the run that found it again after its run was withdrawn)
-- and that run's audited period: what a withdrawal takes back and what the brake counts per period
ALTER TABLE inspection_tickets ADD COLUMN opened_run_id BIGINT;
ALTER TABLE inspection_tickets ADD COLUMN opened_period VARCHAR(7);
UPDATE inspection_tickets SET opened_run_id = first_run_id;
UPDATE inspection_tickets SET opened_period = (SELECT r.audited_period FROM audit_runs r
                                               WHERE r.id = inspection_tickets.first_run_id);
CREATE INDEX ix_tickets_opened_run ON inspection_tickets (opened_run_id);
CREATE INDEX ix_tickets_opened_period ON inspection_tickets (opened_period, rule_code);
