-- Imports from files. A clinic's saved column mappings for dynamometer CSV layouts, and the
-- runs imported from watch files: one row per run, so a run already imported (from the same
-- file or another) is never logged twice.

CREATE TABLE column_mappings (
  clinic_id uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- Field → the file's column name, e.g. {"test": "Movement", "side": "Limb", "force": "Peak N"}.
  mapping jsonb NOT NULL,
  unit text NOT NULL CHECK (unit IN ('N', 'kgf', 'lbf')),
  saved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  -- Also the index of a clinic's list, in name order.
  PRIMARY KEY (clinic_id, name)
);

CREATE TABLE watch_runs (
  id bigserial PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  -- The watch's start time of the run: what makes a run the same run.
  started_at timestamptz NOT NULL,
  -- The run as logged (the training log is where the plan and its load rules read it).
  session_log_id bigint NOT NULL REFERENCES session_logs (id) ON DELETE CASCADE,
  -- The assessment whose cadence evidence the run fed, when it had a cadence.
  assessment_id uuid REFERENCES assessments (id) ON DELETE SET NULL,
  -- As read from the file: file name, date, distance, duration, pace, cadence, heart rate.
  run jsonb NOT NULL,
  file_sha256 text NOT NULL,
  imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (runner_id, started_at)
);
CREATE INDEX watch_runs_assessment ON watch_runs (assessment_id, started_at)
  WHERE assessment_id IS NOT NULL;
