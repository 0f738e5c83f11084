-- Written for both H2 2.x and PostgreSQL: keep to SQL they share.

CREATE TABLE assets (
  id           VARCHAR(200)  NOT NULL PRIMARY KEY,
  mac          VARCHAR(17),
  type         VARCHAR(64)   NOT NULL,
  vendor       VARCHAR(200),
  model        VARCHAR(200),
  firmware     VARCHAR(200),
  criticality  SMALLINT      NOT NULL CHECK (criticality BETWEEN 0 AND 5),
  zone         VARCHAR(32)   NOT NULL,
  site         VARCHAR(400),
  risk_score   SMALLINT      NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
  -- One reason a line, most important first.
  risk_reasons VARCHAR(8000),
  first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An IP address belongs to one asset at a time; the latest upsert that names it claims it.
CREATE TABLE asset_addresses (
  ip       VARCHAR(45)  NOT NULL PRIMARY KEY,
  asset_id VARCHAR(200) NOT NULL REFERENCES assets (id) ON DELETE CASCADE
);
CREATE INDEX asset_addresses_asset ON asset_addresses (asset_id);
