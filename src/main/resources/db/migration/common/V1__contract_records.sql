-- Records of the data contract (docs: ../shared/design/data-contract.md, v1).
-- Column names follow the contract so that a reader can map file -> table 1:1.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

CREATE TABLE units (
    unit_code      VARCHAR(32)  NOT NULL PRIMARY KEY,
    unit_name      VARCHAR(200) NOT NULL,
    parent_code    VARCHAR(32),
    unit_type      VARCHAR(16)  NOT NULL,
    team_kind      VARCHAR(16)
);
CREATE INDEX ix_units_parent ON units (parent_code, team_kind);

CREATE TABLE staff (
    staff_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    unit_code      VARCHAR(32)  NOT NULL,
    role           VARCHAR(100)
);

CREATE TABLE tariffs (
    tariff_code        VARCHAR(32)   NOT NULL,
    valid_from         DATE          NOT NULL,
    tariff_name        VARCHAR(200)  NOT NULL,
    customer_category  VARCHAR(20)   NOT NULL,
    voltage_kv         NUMERIC(9,3)  NOT NULL,
    energy_price       NUMERIC(12,6) NOT NULL,
    tier1_limit_kwh    NUMERIC(14,3),
    tier2_limit_kwh    NUMERIC(14,3),
    tier2_price        NUMERIC(12,6),
    tier3_price        NUMERIC(12,6),
    basic_price_kva    NUMERIC(12,4),
    basic_price_kw     NUMERIC(12,4),
    pf_standard        NUMERIC(4,2),
    valid_to           DATE,
    PRIMARY KEY (tariff_code, valid_from)
);

CREATE TABLE customers (
    customer_no              VARCHAR(32)   NOT NULL PRIMARY KEY,
    customer_name            VARCHAR(300)  NOT NULL,
    category                 VARCHAR(20)   NOT NULL,
    voltage_kv               NUMERIC(9,3)  NOT NULL,
    tariff_code              VARCHAR(32)   NOT NULL,
    contract_kva             NUMERIC(14,3) NOT NULL,
    running_kva              NUMERIC(14,3),
    status                   VARCHAR(16)   NOT NULL,
    station_code             VARCHAR(32)   NOT NULL,
    reading_day              INTEGER,
    reader_id                VARCHAR(32),
    opened_on                DATE          NOT NULL,
    closed_on                DATE,
    trade_code               VARCHAR(32),
    temporary_until          DATE,
    inspection_cycle_months  INTEGER,
    basic_charge_mode        VARCHAR(16),
    demand_kw                NUMERIC(14,3),
    fixed_ratio_pct          NUMERIC(7,3),
    fixed_deduction_kwh      NUMERIC(14,3),
    fixed_approved_on        DATE,
    changed_at               TIMESTAMP  -- set by the loader when the row is inserted or its values change (incremental runs)
);
CREATE INDEX ix_customers_station ON customers (station_code);

CREATE TABLE important_customers (
    customer_no               VARCHAR(32) NOT NULL PRIMARY KEY,
    grade                     VARCHAR(16) NOT NULL,
    supply_sources            INTEGER     NOT NULL,
    self_generator            BOOLEAN,
    guarantee_plan_on         DATE,
    reported_to_authority_on  DATE
);

CREATE TABLE meters (
    meter_id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    customer_no       VARCHAR(32)   NOT NULL,
    meter_kind        VARCHAR(16)   NOT NULL,
    metering_class    VARCHAR(4),
    accuracy_class    VARCHAR(8),
    ct_ratio          NUMERIC(12,4),
    pt_ratio          NUMERIC(12,4),
    multiplier        NUMERIC(14,4) NOT NULL,
    installed_on      DATE          NOT NULL,
    last_verified_on  DATE,
    rotation_due_on   DATE,
    seal_no           VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,
    removed_on        DATE
);
CREATE INDEX ix_meters_customer ON meters (customer_no);

CREATE TABLE readings (
    meter_id         VARCHAR(32)   NOT NULL,
    period           VARCHAR(7)    NOT NULL,
    read_on          DATE          NOT NULL,
    previous_value   NUMERIC(16,3) NOT NULL,
    current_value    NUMERIC(16,3) NOT NULL,
    multiplier       NUMERIC(14,4) NOT NULL,
    consumption_kwh  NUMERIC(16,3) NOT NULL,
    read_type        VARCHAR(16)   NOT NULL,
    reader_id        VARCHAR(32),
    max_demand_kw    NUMERIC(14,3),
    reactive_kvarh   NUMERIC(16,3),
    PRIMARY KEY (meter_id, period)
);

CREATE TABLE bills (
    bill_no           VARCHAR(40)   NOT NULL PRIMARY KEY,
    customer_no       VARCHAR(32)   NOT NULL,
    period            VARCHAR(7)    NOT NULL,
    tariff_code       VARCHAR(32)   NOT NULL,
    energy_kwh        NUMERIC(16,3) NOT NULL,
    energy_charge     NUMERIC(16,2) NOT NULL,
    basic_charge      NUMERIC(16,2),
    pf_actual         NUMERIC(5,3),
    pf_adjustment     NUMERIC(16,2),
    surcharge         NUMERIC(16,2),
    total_amount      NUMERIC(16,2) NOT NULL,
    issued_on         DATE          NOT NULL,
    due_on            DATE          NOT NULL,
    paid_amount       NUMERIC(16,2),
    paid_on           DATE,
    channel           VARCHAR(16),
    late_fee_charged  NUMERIC(16,2),
    late_fee_waived   BOOLEAN,
    waiver_approver   VARCHAR(32),
    clerk_id          VARCHAR(32)
);
CREATE INDEX ix_bills_customer ON bills (customer_no, period);

CREATE TABLE applications (
    app_no          VARCHAR(40)   NOT NULL PRIMARY KEY,
    customer_no     VARCHAR(32),
    applicant_name  VARCHAR(300)  NOT NULL,
    app_type        VARCHAR(20)   NOT NULL,
    supply_mode     VARCHAR(8),
    capacity_kva    NUMERIC(14,3),
    voltage_kv      NUMERIC(9,3),
    green_channel   BOOLEAN,
    station_code    VARCHAR(32)   NOT NULL,
    accepted_at     TIMESTAMP     NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    archived_at     TIMESTAMP,
    fee_charged     NUMERIC(14,2),
    fee_standard    NUMERIC(14,2)
);
CREATE INDEX ix_applications_customer ON applications (customer_no);

CREATE TABLE application_steps (
    app_no       VARCHAR(40) NOT NULL,
    step         VARCHAR(20) NOT NULL,
    started_at   TIMESTAMP   NOT NULL,
    finished_at  TIMESTAMP,
    handler_id   VARCHAR(32),
    outcome      VARCHAR(10),
    PRIMARY KEY (app_no, step, started_at)
);

CREATE TABLE inspections (
    inspection_no      VARCHAR(40)  NOT NULL PRIMARY KEY,
    customer_no        VARCHAR(32)  NOT NULL,
    inspected_on       DATE         NOT NULL,
    inspector_ids      VARCHAR(200) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    result             VARCHAR(16)  NOT NULL,
    hazard_note        VARCHAR(1000),
    notice_no          VARCHAR(64),
    rectify_due_on     DATE,
    rectified_on       DATE,
    conclusion_signed  BOOLEAN,
    photo_count        INTEGER
);
CREATE INDEX ix_inspections_customer ON inspections (customer_no);

CREATE TABLE meter_events (
    event_no       VARCHAR(40)  NOT NULL PRIMARY KEY,
    meter_id       VARCHAR(32)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    occurred_on    DATE         NOT NULL,
    resolved_on    DATE,
    error_pct      NUMERIC(8,3),
    work_order_no  VARCHAR(64),
    staff_id       VARCHAR(32)
);
CREATE INDEX ix_meter_events_meter ON meter_events (meter_id);
