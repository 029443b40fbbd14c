-- 002: the outbox (DESIGN: Mail). mail_enqueue() inserts a row in the caller's transaction; the
-- mailer daemon claims due rows (SELECT ... FOR UPDATE SKIP LOCKED), sends them and records the
-- outcome on the row. Every statement is idempotent (IF NOT EXISTS).
--
-- state: queued (new or retried by FSE), deferred (a temporary failure, next_attempt set by the
-- retry schedule), sent (smtp_reply keeps the server's answer), dead (a permanent failure or
-- given up after mail_give_up; last_error keeps why). next_attempt is NULL exactly for sent and
-- dead rows, so the due scan on outbox_due never walks them.
-- claimed_by / claimed_until: the mailer working on the row and its lease; an expired lease
-- (a mailer killed) makes the row due again for any mailer.
-- queued_at: start of the current delivery cycle (enqueue, or FSE's retry of a dead mail); the
-- give-up age counts from it. created_at never changes.

CREATE TABLE IF NOT EXISTS outbox (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  message_id      VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind            VARCHAR(64)   NOT NULL,
  from_addr       VARCHAR(254)  NOT NULL,
  from_name       VARCHAR(200)  NOT NULL DEFAULT '',
  to_addr         VARCHAR(254)  NOT NULL,
  to_name         VARCHAR(200)  NULL,
  subject         VARCHAR(500)  NOT NULL,
  body_text       MEDIUMTEXT    NOT NULL,
  body_html       MEDIUMTEXT    NULL,
  state           ENUM('queued','deferred','sent','dead') NOT NULL DEFAULT 'queued',
  attempts        INT UNSIGNED  NOT NULL DEFAULT 0,
  created_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  queued_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  next_attempt    DATETIME(6)   NULL,
  claimed_by      VARCHAR(128)  NULL,
  claimed_until   DATETIME(6)   NULL,
  last_attempt_at DATETIME(6)   NULL,
  sent_at         DATETIME(6)   NULL,
  smtp_reply      VARCHAR(1000) NULL,
  last_error      VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY outbox_message_id (message_id),
  KEY outbox_due (next_attempt),
  KEY outbox_state (state, id),
  KEY outbox_claimed_by (claimed_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- Attachments (PDFs) in their own table: the outbox rows stay small to scan and list, and the
-- bytes are in the database like every other upload (DESIGN: Data).
CREATE TABLE IF NOT EXISTS outbox_attachments (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  outbox_id       BIGINT UNSIGNED NOT NULL,
  seq             SMALLINT UNSIGNED NOT NULL,
  filename        VARCHAR(200)  NOT NULL,
  content_type    VARCHAR(127)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  data            MEDIUMBLOB    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY outbox_attachments_seq (outbox_id, seq),
  CONSTRAINT outbox_attachments_outbox FOREIGN KEY (outbox_id) REFERENCES outbox (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
