-- A rejected row's reason as a message key and its arguments (issue 13), so the load page shows it in the reader's
-- language (messages.properties: load.reason.*); reason keeps the English sentence for the API and older rows.
ALTER TABLE load_rejections ADD COLUMN reason_key VARCHAR(100);
ALTER TABLE load_rejections ADD COLUMN reason_args VARCHAR(1000);
