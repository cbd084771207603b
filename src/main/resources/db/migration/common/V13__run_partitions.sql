-- Partitioned audit runs (issue 6, scale-out): a run split by customer key range, one Quartz job per
-- partition, so the nodes of a Quartz cluster share it. audit_runs.partitions = 0 is an ordinary run.
ALTER TABLE audit_runs ADD COLUMN partitions INTEGER NOT NULL DEFAULT 0;

CREATE TABLE audit_run_partitions (
    run_id         BIGINT        NOT NULL REFERENCES audit_runs (id),
    part_no        INTEGER       NOT NULL,
    -- customer_no range, both ends inclusive; null = open end. orphans = the applications without a customer
    first_key      VARCHAR(32),
    last_key       VARCHAR(32),
    orphans        BOOLEAN       NOT NULL DEFAULT FALSE,
    status         VARCHAR(16)   NOT NULL,
    -- the Quartz instance id of the node that claimed it last
    node           VARCHAR(200),
    attempts       INTEGER       NOT NULL DEFAULT 0,
    -- the resume point: the last customer_no (app_no for the orphans) whose findings are committed
    last_key_done  VARCHAR(40),
    -- subjects read (customers, or applications without one: progress) and audit subjects checked
    subjects       BIGINT        NOT NULL DEFAULT 0,
    checked        BIGINT        NOT NULL DEFAULT 0,
    findings       BIGINT        NOT NULL DEFAULT 0,
    started_at     TIMESTAMP,
    finished_at    TIMESTAMP,
    message        VARCHAR(2000),
    PRIMARY KEY (run_id, part_no)
);
CREATE INDEX ix_run_partitions_status ON audit_run_partitions (run_id, status);
