-- 013: every rule that rests on a lock also writes what it rests on (issue 12). On a MariaDB
-- Galera cluster a SELECT ... FOR UPDATE locks on one node only; two transactions on two nodes
-- conflict only when they WRITE the same row or the same unique key value, and then the one
-- certified second gets error 1213 at COMMIT and runs again (lib/fcgi.c). So each rule below
-- is carried by a written row or by a unique key; the code says at the rule which it is.

-- R18: at most five proposals per authorisation count (submitted, returned, approved). The
-- only move that adds one is a first submission (draft -> submitted, lib/casefsm.c), and every
-- first submission bumps this gate on the authorisation's row before it counts
-- (cgi-bin/project_flow.c). Two first submissions under one authorisation therefore write the
-- same row: they cannot both commit unless the second has seen the first's proposal. Moves
-- that take one away (withdraw, reject, revoke) need not touch it: a count that falls while a
-- submission runs only makes that submission's check stricter than it has to be.
ALTER TABLE authorisations
  ADD COLUMN IF NOT EXISTS proposal_gate BIGINT UNSIGNED NOT NULL DEFAULT 0;

-- R9, R34: one active assignment of a role per person and authorisation (FSE's roles have no
-- authorisation: scope 0). MariaDB has no partial index, so a generated column is the scope
-- while the assignment is active and NULL once it is revoked, and a unique key holds over it
-- (a unique key accepts any number of NULLs: the revoked history stays). An active duplicate
-- that the old INSERT ... WHERE NOT EXISTS let through on two nodes is revoked first, keeping
-- the oldest, with a reason in the history.
UPDATE role_assignments r JOIN (
    SELECT MIN(id) AS keep_id, user_id, role, COALESCE(authorisation_id, 0) AS scope
    FROM role_assignments WHERE revoked_at IS NULL
    GROUP BY user_id, role, COALESCE(authorisation_id, 0) HAVING COUNT(*) > 1) d
  ON r.user_id = d.user_id AND r.role = d.role AND COALESCE(r.authorisation_id, 0) = d.scope
  SET r.revoked_at = NOW(6), r.revoke_reason = 'Dobbelt tildeling af samme rolle'
  WHERE r.revoked_at IS NULL AND r.id <> d.keep_id;
ALTER TABLE role_assignments
  ADD COLUMN IF NOT EXISTS active_scope BIGINT UNSIGNED
    AS (IF(revoked_at IS NULL, COALESCE(authorisation_id, 0), NULL)) PERSISTENT,
  ADD UNIQUE KEY IF NOT EXISTS role_assignments_active (user_id, role, active_scope);

-- One live password-reset link per user (cgi-bin/account_links.c: a new link ends the older
-- ones). Carried by a unique key over the user while a reset token is unused; older unused
-- ones are ended first, keeping the newest.
UPDATE email_tokens t JOIN (
    SELECT user_id, MAX(id) AS keep_id FROM email_tokens
    WHERE purpose = 'reset' AND used_at IS NULL GROUP BY user_id HAVING COUNT(*) > 1) d
  ON t.user_id = d.user_id
  SET t.used_at = NOW(6)
  WHERE t.purpose = 'reset' AND t.used_at IS NULL AND t.id <> d.keep_id;
ALTER TABLE email_tokens
  ADD COLUMN IF NOT EXISTS live_reset BIGINT UNSIGNED
    AS (IF(purpose = 'reset' AND used_at IS NULL, user_id, NULL)) PERSISTENT,
  ADD UNIQUE KEY IF NOT EXISTS email_tokens_live_reset (live_reset);

-- R12: one live signature of a proposal's text. Signing checks under the case's lock that no
-- live signature matches the text and inserts one; the case row is not written, so on a
-- cluster two signers could both sign (and the supervisor be told twice). A unique key over
-- the text while the signature is live carries it; voided ones leave the key.
UPDATE proposal_signatures s JOIN (
    SELECT case_id, text_hash, MIN(id) AS keep_id FROM proposal_signatures
    WHERE voided_at IS NULL GROUP BY case_id, text_hash HAVING COUNT(*) > 1) d
  ON s.case_id = d.case_id AND s.text_hash = d.text_hash
  SET s.voided_at = NOW(6)
  WHERE s.voided_at IS NULL AND s.id <> d.keep_id;
ALTER TABLE proposal_signatures
  ADD COLUMN IF NOT EXISTS live_case BIGINT UNSIGNED
    AS (IF(voided_at IS NULL, case_id, NULL)) PERSISTENT,
  ADD UNIQUE KEY IF NOT EXISTS proposal_signatures_live (live_case, text_hash);

-- R29: the periods of one rate kind never overlap. lib/fees.c checks the periods and inserts;
-- each such transaction first bumps its kind's version here, so two additions of one kind
-- write the same row and cannot both commit unseen by each other.
CREATE TABLE IF NOT EXISTS rate_kinds (
  kind              ENUM('proposal','student_user','casework_hour','certification') NOT NULL,
  version           BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
INSERT IGNORE INTO rate_kinds (kind) VALUES
  ('proposal'), ('student_user'), ('casework_hour'), ('certification');

-- A form sent twice makes one change (issue 12): every form that creates something carries a
-- one-time key (lib/submitkey.c), stored here, hashed, under its unique primary key in the
-- transaction that creates, with where the created thing is. A second send of the same key
-- finds the row and is sent there instead of creating again. Bound to the user who sent it.
CREATE TABLE IF NOT EXISTS submission_keys (
  key_hash          BINARY(32)      NOT NULL,
  user_id           BIGINT UNSIGNED NOT NULL,
  form              VARCHAR(32)     NOT NULL,
  result            VARCHAR(255)    NOT NULL DEFAULT '',
  created_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (key_hash),
  KEY submission_keys_created (created_at),
  CONSTRAINT submission_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
