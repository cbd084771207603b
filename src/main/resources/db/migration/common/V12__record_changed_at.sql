-- When the loader last inserted a record or changed its values (issue 6, incremental audits): set like
-- customers.changed_at, to the start of the load that wrote it, and left alone when a load brings the same
-- values again. An incremental audit picks the customers with any record changed after its previous run
-- started. No index on changed_at (the load was not measured with one; the audit reaches these records by customer).
ALTER TABLE important_customers ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE meters ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE readings ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE bills ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE applications ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE application_steps ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE inspections ADD COLUMN changed_at TIMESTAMP;
ALTER TABLE meter_events ADD COLUMN changed_at TIMESTAMP;
