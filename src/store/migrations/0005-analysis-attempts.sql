-- How many times a worker has started the analysis. Each start takes the next number; only the
-- latest start may write progress or a failure, so a worker that was taken for dead and replaced
-- (its job expired and went to another worker) cannot overwrite the one that replaced it.
ALTER TABLE movement_analyses ADD COLUMN attempts integer NOT NULL DEFAULT 0;
