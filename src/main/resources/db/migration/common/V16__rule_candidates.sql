-- Candidate rule sets (issue 11, rules safety): what auditors upload for an impact preview. The files live
-- in the server's candidates area (jicha.rules.candidates.dir) under the generated id, never a name the
-- client chose; the preview names a candidate by this id only.

CREATE TABLE rule_candidates (
    id             VARCHAR(36)              PRIMARY KEY,  -- generated UUID, also the folder's name
    uploaded_by    VARCHAR(100)             NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash   VARCHAR(64)              NOT NULL,     -- the rule-set content hash of the candidate folder
    base_hash      VARCHAR(64),                           -- single files: the rules folder they were laid over
    files          VARCHAR(16000)           NOT NULL,     -- the candidate folder's files, one a line
    uploaded_files VARCHAR(4000)            NOT NULL,     -- the names the uploader sent, one a line
    outcome        VARCHAR(16)              NOT NULL,     -- COMPILED, REJECTED
    rule_count     INTEGER                  NOT NULL,
    problems       VARCHAR(16000)                         -- file:line: message, one a line (REJECTED)
);
CREATE INDEX ix_rule_candidates_uploaded ON rule_candidates (uploaded_at);
