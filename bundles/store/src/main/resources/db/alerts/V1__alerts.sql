-- Written for both H2 2.x and PostgreSQL: keep to SQL they share.

CREATE TABLE alerts (
  id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
  group_key          VARCHAR(1000)  NOT NULL,
  device             VARCHAR(45)    NOT NULL,
  asset_id           VARCHAR(200),
  zone               VARCHAR(32)    NOT NULL,
  criticality        SMALLINT       NOT NULL CHECK (criticality BETWEEN 0 AND 5),
  protocol           VARCHAR(32)    NOT NULL,
  severity_score     SMALLINT       NOT NULL CHECK (severity_score BETWEEN 0 AND 100),
  anomaly_score      DOUBLE PRECISION NOT NULL,
  -- One technique a line: id, name and tactic separated by tabs.
  techniques         VARCHAR(4000)  NOT NULL,
  -- One indicator, resp. model id, a line.
  indicators         VARCHAR(8000)  NOT NULL,
  model_ids          VARCHAR(2000)  NOT NULL,
  finding_count      BIGINT         NOT NULL CHECK (finding_count >= 1),
  first_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen          TIMESTAMP WITH TIME ZONE NOT NULL,
  summary            VARCHAR(8000)  NOT NULL,
  recommended_action VARCHAR(2000)  NOT NULL,
  payload_sample     VARCHAR(2000)  NOT NULL,
  state              VARCHAR(16)    NOT NULL,
  -- Increases with every save in this process order: "most recently updated" without clock ties.
  update_seq         BIGINT         NOT NULL
);
CREATE INDEX alerts_group ON alerts (group_key, state);
CREATE INDEX alerts_update_seq ON alerts (update_seq);
