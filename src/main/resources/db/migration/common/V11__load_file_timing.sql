-- How long each file took to load (operators compare nights; the benchmark reports rows per second).
ALTER TABLE load_files ADD COLUMN millis BIGINT NOT NULL DEFAULT 0;
