-- Central's schema. Plain SQL that runs the same on PGlite and a PostgreSQL server (15+).

-- Offices and the credential each office hub ships with (only its SHA-256 is kept).
CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  -- The last time the office's hub reached central (a batch or a cursor check): data freshness.
  last_contact_at BIGINT
);

-- Provincial staff: a province admin sees and manages everything; a viewer sees the offices listed for them.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('provinceAdmin', 'viewer')),
  created_at BIGINT NOT NULL
);
CREATE TABLE staff_offices (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  office_id TEXT NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  PRIMARY KEY (staff_id, office_id)
);
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

-- One row per hub epoch of an office: the last seq stored and its hash (the chain's head).
CREATE TABLE office_streams (
  office_id TEXT NOT NULL REFERENCES offices (id),
  hub_id TEXT NOT NULL,
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (office_id, hub_id)
);

-- Every event of every office once, as the hub stored it (payload is the hub's JSON text).
CREATE TABLE events (
  office_id TEXT NOT NULL,
  hub_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (office_id, hub_id, seq)
);

-- The folded state of a hub epoch at some seq, so a restart does not replay the whole stream.
CREATE TABLE stream_snapshots (
  office_id TEXT NOT NULL,
  hub_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (office_id, hub_id)
);

-- Refused batches worth a person's attention (broken chain, conflicting replay, wrong office).
CREATE TABLE alerts (
  id BIGSERIAL PRIMARY KEY,
  office_id TEXT,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  details TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX alerts_at ON alerts (at);

-- Report projections, the same columns as an office hub's tables plus the office.
CREATE TABLE tickets (
  office_id TEXT NOT NULL,
  id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  priority_group TEXT,
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  called_at BIGINT,
  started_at BIGINT,
  finished_at BIGINT,
  counter_id TEXT,
  clerk_id TEXT,
  recall_count INTEGER NOT NULL,
  rated BOOLEAN NOT NULL,
  PRIMARY KEY (office_id, id)
);
CREATE INDEX tickets_day_office ON tickets (service_day, office_id);

CREATE TABLE ratings (
  office_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  clerk_id TEXT,
  service_id TEXT NOT NULL,
  score TEXT NOT NULL,
  reasons TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (office_id, ticket_id)
);
CREATE INDEX ratings_day_office ON ratings (service_day, office_id);

CREATE TABLE counters (
  office_id TEXT NOT NULL,
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  pause_reason TEXT,
  clerk_id TEXT,
  current_ticket_id TEXT,
  since BIGINT NOT NULL,
  PRIMARY KEY (office_id, id)
);

-- One row per office for the dashboard, rewritten with each batch from the folded state.
CREATE TABLE office_live (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  hub_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  service_day TEXT NOT NULL,
  office_name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  day_close_hour INTEGER NOT NULL,
  waiting_now INTEGER NOT NULL,
  oldest_waiting_issued_at BIGINT,
  counters_open INTEGER NOT NULL,
  service_fields TEXT NOT NULL,
  last_event_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL
);
