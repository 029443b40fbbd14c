-- 019: what the scheduled runner (bin/scheduler; issue 14: R11, R32) has done, one row per job,
-- object and stage: a reminder of a thesis period's end (object: the access; stage: the end date
-- and the days before it, so an extension gets reminders of its own), the automatic end of an
-- access on its end date, a proposal's signature request that has waited (the request's audit
-- event), an invitation about to expire, a case at FSE past the service goal (the submission).
--
-- "Once per stage, even if the runner restarts, with several runners on any host": a runner
-- claims a stage by inserting its row in the SAME transaction as the stage's mails (the outbox)
-- and its change, so the row exists exactly when the mails do. The unique key carries it, not a
-- lock: a second runner's insert is a duplicate (one server: after the first committed) or
-- loses the conflict at COMMIT (Galera, error 1213) and, run again, finds the row.
CREATE TABLE IF NOT EXISTS reminders_sent (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  job               VARCHAR(32)     CHARACTER SET ascii NOT NULL,
  object_id         BIGINT UNSIGNED NOT NULL,
  stage             VARCHAR(64)     CHARACTER SET ascii NOT NULL,
  -- the runner's day (lib/clock: tests move it) and the moment, the runner and the mails queued
  run_on            DATE            NOT NULL,
  done_at           DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  runner            VARCHAR(128)    NOT NULL DEFAULT '',
  mails             INT UNSIGNED    NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY reminders_sent_once (job, object_id, stage),
  KEY reminders_sent_done (done_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
