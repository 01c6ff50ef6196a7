-- The attention list reads each runner's last 14 days of session pain. With pain_max in the
-- index that is an index-only scan instead of a heap visit per log; the same index still
-- serves the paged log list on (runner_id, logged_on, id), so it replaces the old one.
CREATE INDEX session_logs_runner_pain ON session_logs (runner_id, logged_on, id) INCLUDE (pain_max);
DROP INDEX session_logs_runner;

-- The attention list counts a week's planned days by binary search (width_bucket), which needs
-- each programme's planned days in order.
UPDATE programmes SET planned_days = ARRAY(SELECT d FROM unnest(planned_days) AS d ORDER BY d);
