-- Files attached to a mail of the outbox (the monthly feedback reports): absolute paths, one per line.
ALTER TABLE mail_outbox ADD COLUMN attachments VARCHAR(4000);
