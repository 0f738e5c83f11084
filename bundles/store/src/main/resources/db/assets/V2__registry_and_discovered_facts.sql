-- Every Asset field, the registry's ownership of fields, and conflicts between registry and discovery.
-- Written for both H2 2.x and PostgreSQL: keep to SQL they share.

ALTER TABLE assets ADD COLUMN location VARCHAR(400);
ALTER TABLE assets ADD COLUMN owner VARCHAR(400);
-- Lower-case names, one a line.
ALTER TABLE assets ADD COLUMN protocols VARCHAR(2000);
ALTER TABLE assets ADD COLUMN roles VARCHAR(2000);
-- Keys of the fields the registry set (io.isthmus.api.asset.AssetField), comma-separated.
ALTER TABLE assets ADD COLUMN registry_fields VARCHAR(200);
-- An asset only the registry knows has not been seen yet.
ALTER TABLE assets ALTER COLUMN first_seen DROP NOT NULL;
ALTER TABLE assets ALTER COLUMN last_seen DROP NOT NULL;

-- Bounded by the store (AssetStore.MAX_PEERS_KEPT per asset).
CREATE TABLE asset_peers (
  asset_id VARCHAR(200) NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  ip       VARCHAR(45)  NOT NULL,
  PRIMARY KEY (asset_id, ip)
);

CREATE TABLE asset_attributes (
  asset_id   VARCHAR(200)  NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  name       VARCHAR(200)  NOT NULL,
  attr_value VARCHAR(4000) NOT NULL,
  PRIMARY KEY (asset_id, name)
);

-- A discovered vendor, model or firmware that differs from the registry's value.
CREATE TABLE asset_conflicts (
  asset_id         VARCHAR(200) NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  field            VARCHAR(32)  NOT NULL,
  registry_value   VARCHAR(200) NOT NULL,
  discovered_value VARCHAR(200) NOT NULL,
  first_noticed    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (asset_id, field)
);
