-- 008: retention of finished mail (R33: data minimisation). mail_purge() (lib/mail_outbox.c)
-- deletes sent rows after mail_keep_sent_days and dead rows after mail_keep_dead_days, in
-- batches of MAIL_PURGE_BATCH, oldest first. Its condition is
--   state = ? AND last_attempt_at < cutoff ORDER BY last_attempt_at, id LIMIT n
-- and this index answers it as one range scan that stops after the batch. outbox_state
-- (state, id) would walk the rows in id order, and a mail deferred for days has a low id but a
-- late sent time, so every batch would read (and, under REPEATABLE READ, lock) every sent row
-- still kept. last_attempt_at is the moment a row became sent or dead: mail_record() sets it in
-- the same UPDATE that sets the state (for sent rows it equals sent_at), and only mail_record()
-- makes a row sent or dead.
-- Idempotent (IF NOT EXISTS); built online, without blocking the outbox's writers.

ALTER TABLE outbox ADD INDEX IF NOT EXISTS outbox_done (state, last_attempt_at),
  ALGORITHM=INPLACE, LOCK=NONE;
