-- Cases: one row per case, the document as JSON, `version` for optimistic concurrency.
CREATE TABLE IF NOT EXISTS cases (
  id VARCHAR PRIMARY KEY,
  version INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  updated_at VARCHAR NOT NULL,
  doc JSON NOT NULL
);
-- Every change to a case: who, when, what (JSON diff) and the documents around it (for undo).
CREATE TABLE IF NOT EXISTS case_history (
  case_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  actor VARCHAR NOT NULL,
  changed_at VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  changes JSON NOT NULL,
  before_doc JSON,
  after_doc JSON,
  PRIMARY KEY (case_id, version)
);
