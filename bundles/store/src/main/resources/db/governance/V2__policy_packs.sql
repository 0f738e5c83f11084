-- The files of the last accepted revision of each policy bundle, so it stays in force across a
-- restart while a later revision is refused. 1 MiB a file at most (the extender's limit).
CREATE TABLE gov_policy_files (
  bundle      VARCHAR(240)     NOT NULL,
  version     VARCHAR(100)     NOT NULL,
  file_name   VARCHAR(400)     NOT NULL,
  content     VARCHAR(1048576) NOT NULL,
  PRIMARY KEY (bundle, file_name)
);
