/**
 * The core schema (the event log, its projections, secrets), versioned and applied in order at start;
 * `PRAGMA user_version` records the last one run. Features keep their own tables and versions: a change to
 * appointment_*, webhook_* or central_outbox is a new step in that feature store's `FeatureMigrations`
 * (e.g. `webhookOutboxMigrations` in features/webhookOutboxStore.ts), never a step here — these run before
 * the features' tables exist on a new database.
 */
export const migrations: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- The append-only log: the truth. Everything else below is a projection or a secret.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    request_id TEXT
  );
  CREATE INDEX events_type_at ON events (type, at);
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

  -- Replies of accepted commands by requestId, so a retry returns the first result.
  CREATE TABLE requests (
    request_id TEXT PRIMARY KEY,
    actor TEXT NOT NULL,
    reply TEXT NOT NULL,
    at INTEGER NOT NULL
  );

  -- The folded state at some seq, so a start does not replay years of events.
  CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL, at INTEGER NOT NULL);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    service_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    priority_group TEXT,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    called_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    counter_id TEXT,
    clerk_id TEXT,
    recall_count INTEGER NOT NULL,
    rated INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX tickets_day_label ON tickets (service_day, label);
  CREATE INDEX tickets_issued_at ON tickets (issued_at);

  CREATE TABLE counters (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    pause_reason TEXT,
    clerk_id TEXT,
    current_ticket_id TEXT,
    since INTEGER NOT NULL
  );

  CREATE TABLE ratings (
    ticket_id TEXT PRIMARY KEY,
    counter_id TEXT NOT NULL,
    clerk_id TEXT,
    service_id TEXT NOT NULL,
    score TEXT NOT NULL,
    reasons TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX ratings_at ON ratings (at);

  CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- Secrets: never in events, never broadcast.
  CREATE TABLE user_secrets (
    user_id TEXT PRIMARY KEY,
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE device_pairings (
    device_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    pairing_code TEXT NOT NULL,
    token_hash TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    counter_id TEXT,
    device_id TEXT,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  `,
  // Version 2 created the booking and webhook tables; they now belong to their features' stores
  // (features/appointments/appointmentStore.ts, features/webhookOutboxStore.ts), whose first migration
  // creates them on a new database and adopts them on one this version already ran on.
  `SELECT 1;`,
  `
  -- Sign-in hardening (auth/authService.ts, docs/security.md): one-time passwords must be replaced, sessions
  -- remember the role they were opened with, pending pairings expire, and failed sign-ins are kept for the audit.
  ALTER TABLE user_secrets ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN role TEXT;
  ALTER TABLE sessions ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX sessions_user ON sessions (user_id);
  ALTER TABLE device_pairings ADD COLUMN expires_at INTEGER;
  CREATE INDEX device_pairings_code ON device_pairings (pairing_code, status);
  CREATE INDEX device_pairings_token ON device_pairings (token_hash);
  CREATE TABLE sign_in_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    -- "failed" (wrong PIN, unknown user, wrong device, disabled) or "throttled" (refused without checking).
    outcome TEXT NOT NULL,
    code TEXT NOT NULL,
    username TEXT NOT NULL,
    user_id TEXT,
    address TEXT NOT NULL,
    device_id TEXT,
    retry_after_seconds INTEGER
  );
  CREATE INDEX sign_in_log_at ON sign_in_log (at);
  `,
  // Version 4 created central_outbox; it now belongs to the central shipping feature's store
  // (features/centralOutboxStore.ts), which creates or adopts it the same way.
  `SELECT 1;`,
  `
  -- Idempotency per sender: the same requestId from two senders are two requests, and the hash of the
  -- command tells a retry (same hash) from a requestId reused for another command (IDEMPOTENCY_CONFLICT).
  CREATE TABLE requests_by_sender (
    request_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    command_hash TEXT,
    reply TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (request_id, actor)
  );
  INSERT INTO requests_by_sender (request_id, actor, command_hash, reply, at)
    SELECT request_id, actor, NULL, reply, at FROM requests;
  DROP TABLE requests;
  ALTER TABLE requests_by_sender RENAME TO requests;
  CREATE INDEX requests_at ON requests (at);
  `,
  `
  -- The wait the citizen was promised at issue (minutes; NULL when no counter served the service), for
  -- the ETA error report.
  ALTER TABLE tickets ADD COLUMN eta_minutes REAL;
  `,
  `
  -- A device replaced by a new pairing (device.approve { replacesDeviceId }) names its successor, so the admin's
  -- list shows one row per machine.
  ALTER TABLE device_pairings ADD COLUMN replaced_by TEXT;
  `,
  `
  -- The satisfaction method (docs/satisfaction-method.md): each rating keeps its raw answer and the scale it was
  -- given on. Ratings stored before have four levels and no scale: they become legacyFour with their score as the
  -- answer, so "Bình thường" still counts as not satisfied and past indexes do not change.
  ALTER TABLE ratings RENAME COLUMN score TO answer;
  ALTER TABLE ratings ADD COLUMN scale TEXT NOT NULL DEFAULT 'legacyFour';
  ALTER TABLE ratings ADD COLUMN reason_text TEXT NOT NULL DEFAULT '';
  `,
];
