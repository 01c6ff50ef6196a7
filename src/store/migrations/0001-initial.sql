-- hipcheck schema, version 1. Inputs are stored as entered (JSONB, validated by the core's
-- schemas before they get here); results are stored with the rules version that made them, so
-- they can be recomputed. Relational columns hold what is queried and indexed.

CREATE TABLE clinics (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('clinic-admin', 'clinician', 'runner')),
  -- Staff belong to one clinic; a runner's clinic is on the runner record.
  clinic_id uuid REFERENCES clinics (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'runner') = (clinic_id IS NULL))
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- A runner's record. In a clinic (clinic_id set, maybe without an account yet) or self-guided
-- (clinic_id null, user_id set): a self-guided record is its owner's and is seen by a clinic only
-- through a share.
CREATE TABLE runners (
  id uuid PRIMARY KEY,
  user_id uuid UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  clinic_id uuid REFERENCES clinics (id),
  display_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runners_clinic_name ON runners (clinic_id, lower(display_name), id);

CREATE TABLE shares (
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (runner_id, clinic_id)
);
CREATE INDEX shares_clinic ON shares (clinic_id) WHERE revoked_at IS NULL;

CREATE TABLE invites (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  role text NOT NULL CHECK (role IN ('clinician', 'runner')),
  email text,
  display_name text,
  -- An invite for a runner may link an account to an existing record.
  runner_id uuid REFERENCES runners (id) ON DELETE CASCADE,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE login_sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_sessions_user ON login_sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  account text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account ON login_failures (account, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE INDEX login_failures_at ON login_failures (at);

CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('initial', 'retest')),
  assessed_on date,
  -- As entered, possibly partial while an intake is filled in step by step.
  input jsonb NOT NULL,
  result jsonb,
  rules_version text,
  referral boolean,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_runner ON assessments (runner_id, created_at, id);
CREATE INDEX assessments_runner_assessed ON assessments (runner_id, assessed_on DESC, created_at DESC)
  WHERE result IS NOT NULL;

CREATE TABLE movement_analyses (
  id uuid PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  options jsonb NOT NULL,
  progress real NOT NULL DEFAULT 0,
  -- Measurements only; whether one is a sign is judged again at assess time.
  measurements jsonb,
  files jsonb NOT NULL DEFAULT '[]',
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX movement_analyses_runner ON movement_analyses (runner_id, created_at, id);

CREATE TABLE programmes (
  id uuid PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  request jsonb NOT NULL,
  programme jsonb NOT NULL,
  rules_version text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- Days with a run or strength session (derived from the programme), for missed-session counts.
  planned_days date[] NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programmes_runner ON programmes (runner_id, created_at, id);
CREATE UNIQUE INDEX programmes_active ON programmes (runner_id) WHERE active;

-- The programme's days, one row each (derived from the document, rewritten on every edit), so
-- a runner's day is read by index instead of from the whole document.
CREATE TABLE programme_sessions (
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL,
  session jsonb NOT NULL,
  PRIMARY KEY (programme_id, day)
);

-- Every clinician edit, with who, when and why, and the programme before it.
CREATE TABLE programme_edits (
  id bigserial PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  edited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  edited_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  changes jsonb NOT NULL,
  before jsonb NOT NULL
);
CREATE INDEX programme_edits_programme ON programme_edits (programme_id, id);

-- Exercise sessions and runs, each the core's training-log entry as validated.
CREATE TABLE session_logs (
  id bigserial PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  programme_id uuid REFERENCES programmes (id) ON DELETE SET NULL,
  logged_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('run', 'strength')),
  entry jsonb NOT NULL,
  -- The highest pain of the session (0–10), for dashboards.
  pain_max real NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_logs_runner ON session_logs (runner_id, logged_on, id);

-- Pain outside sessions (e.g. every morning), 0–10.
CREATE TABLE pain_logs (
  id bigserial PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  logged_on date NOT NULL,
  pain real NOT NULL CHECK (pain >= 0 AND pain <= 10),
  context text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pain_logs_runner ON pain_logs (runner_id, logged_on, id);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  runner_id uuid,
  clinic_id uuid,
  address text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_runner ON audit_events (runner_id, at);
CREATE INDEX audit_events_actor ON audit_events (actor_id, at);
