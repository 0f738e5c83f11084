-- The hash-chained audit log. Written for both H2 2.x and PostgreSQL: keep to SQL they share.
-- Rows are only ever inserted; the hashes are defined in io.isthmus.api.governance.AuditRecord.

CREATE TABLE audit_records (
  sequence      BIGINT        NOT NULL PRIMARY KEY,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  type          VARCHAR(64)   NOT NULL,
  subject_id    VARCHAR(512)  NOT NULL,
  actor         VARCHAR(512)  NOT NULL,
  -- Canonical JSON array of strings.
  links         VARCHAR(65536) NOT NULL,
  -- Canonical JSON object.
  payload       VARCHAR(1000000) NOT NULL,
  previous_hash VARCHAR(64)   NOT NULL,
  hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_records_subject ON audit_records (subject_id, sequence);
CREATE INDEX audit_records_type ON audit_records (type, sequence);

-- The chain's head, one row. An append locks it (SELECT ... FOR UPDATE), so the head read and the
-- insert of two appends never interleave, also between two processes on one PostgreSQL database.
-- A verifier compares it with the last record, so a deleted tail shows.
CREATE TABLE audit_head (
  id       SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
  sequence BIGINT      NOT NULL,
  hash     VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
