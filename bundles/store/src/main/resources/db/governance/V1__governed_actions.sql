-- Governance area: proposed actions with their decisions, approvals, connector results and rollout
-- settings. Written for both H2 2.x and PostgreSQL: keep to SQL they share.

-- One row per proposed action, inserted together with its decision (never one without the other).
-- Every later change is a conditional UPDATE on this row, so two writers cannot both win.
CREATE TABLE gov_actions (
  id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
  alert_id           VARCHAR(200)  NOT NULL,
  tenant             VARCHAR(200)  NOT NULL,
  zone               VARCHAR(32)   NOT NULL,
  kind               VARCHAR(32)   NOT NULL,
  target             VARCHAR(400)  NOT NULL,
  connector_id       VARCHAR(200)  NOT NULL,
  reason             VARCHAR(4000) NOT NULL,
  requested_by       VARCHAR(200)  NOT NULL,
  requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  touches_process    BOOLEAN       NOT NULL,
  -- URL-encoded lists: evidence_refs "a&b", parameters "k=v&k2=v2"
  evidence_refs      VARCHAR(4000) NOT NULL,
  parameters         VARCHAR(4000) NOT NULL,
  reverses           VARCHAR(64),
  evidence           VARCHAR(8000) NOT NULL,
  state              VARCHAR(20)   NOT NULL,
  outcome            VARCHAR(20)   NOT NULL,
  policy_id          VARCHAR(400)  NOT NULL,
  policy_version     VARCHAR(100)  NOT NULL,
  approvals_required INTEGER       NOT NULL CHECK (approvals_required >= 0),
  -- approving verdicts counted under the row lock, so N-of-M needs no read-then-write
  approvals_given    INTEGER       NOT NULL DEFAULT 0,
  decision_reason    VARCHAR(4000) NOT NULL,
  decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  approver_role      VARCHAR(100),
  expires_at         TIMESTAMP WITH TIME ZONE,
  attempts           INTEGER       NOT NULL DEFAULT 0,
  next_attempt_at    TIMESTAMP WITH TIME ZONE,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX gov_actions_state ON gov_actions (state, next_attempt_at);
CREATE INDEX gov_actions_requested ON gov_actions (requested_at);

-- One verdict per approver and action.
CREATE TABLE gov_approvals (
  action_id  VARCHAR(64)   NOT NULL REFERENCES gov_actions (id) ON DELETE CASCADE,
  approver   VARCHAR(200)  NOT NULL,
  verdict    VARCHAR(10)   NOT NULL,
  comment    VARCHAR(4000) NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (action_id, approver)
);

-- One row per connector call.
CREATE TABLE gov_results (
  action_id    VARCHAR(64)   NOT NULL REFERENCES gov_actions (id) ON DELETE CASCADE,
  attempt      INTEGER       NOT NULL,
  connector_id VARCHAR(200)  NOT NULL,
  operation    VARCHAR(64)   NOT NULL,
  status       VARCHAR(20)   NOT NULL,
  detail       VARCHAR(4000) NOT NULL,
  external_ref VARCHAR(400),
  attributes   VARCHAR(4000) NOT NULL,
  ended_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (action_id, attempt)
);

CREATE TABLE gov_rollout (
  scope       VARCHAR(240)  NOT NULL PRIMARY KEY,
  mode        VARCHAR(20)   NOT NULL,
  is_override BOOLEAN       NOT NULL,
  actor       VARCHAR(200)  NOT NULL,
  reason      VARCHAR(4000) NOT NULL,
  set_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
