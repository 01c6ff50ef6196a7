-- A runner's private calendar feed: a secret link a phone's calendar subscribes to. Only the
-- token's SHA-256 is kept, as for sessions and API tokens. One feed per runner: a new link
-- replaces the old one, and revoking deletes the row, so the old link answers 404 at once.
CREATE TABLE calendar_feeds (
  runner_id uuid PRIMARY KEY REFERENCES runners (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
