-- Outcome questionnaires answered between assessments (AKPS, LEFS, NPRS, KOOS-PF): the answers as
-- entered, checked by the core, and the score the rules of `rules_version` gave them. Dashboards
-- score the stored answers again with the current rules.
CREATE TABLE questionnaire_responses (
  id bigserial PRIMARY KEY,
  runner_id uuid NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
  instrument text NOT NULL CHECK (instrument IN ('akps', 'lefs', 'nprs', 'koos-pf')),
  -- The day the runner filled it in.
  answered_on date NOT NULL,
  answers jsonb NOT NULL,
  score double precision NOT NULL,
  rules_version text NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The runner's list, newest first; and per instrument (the list filtered, the latest two scores).
CREATE INDEX questionnaire_responses_runner ON questionnaire_responses (runner_id, answered_on, id);
CREATE INDEX questionnaire_responses_instrument
  ON questionnaire_responses (runner_id, instrument, answered_on, id);
