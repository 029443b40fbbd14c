-- 004: the portal's generic case (issue 5): an application of some type with its form, a state
-- from one state machine (lib/casefsm.c), a version for optimistic locking, and every
-- transition as an event with who, when and why. Authorisation applications use it first;
-- project proposals, FSE user approvals and student attachments reuse it with their own forms.

CREATE TABLE IF NOT EXISTS cases (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  type              ENUM('authorisation','project','fse_user','student') NOT NULL,
  state             ENUM('draft','submitted','returned','approved','rejected','withdrawn',
                         'revoked') NOT NULL DEFAULT 'draft',
  version           INT UNSIGNED NOT NULL DEFAULT 1,
  created_by        BIGINT UNSIGNED NOT NULL,
  authorisation_id  BIGINT UNSIGNED NULL,
  title             VARCHAR(300) NOT NULL DEFAULT '',
  -- The form as application/x-www-form-urlencoded text: read back with the same strict parser
  -- as any request, and compared field by field for the diff.
  data              MEDIUMTEXT NOT NULL,
  -- The form as it was last submitted: what FSE saw, so a resubmission shows what changed.
  submitted_data    MEDIUMTEXT NULL,
  created_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  submitted_at      DATETIME(6) NULL,
  decided_at        DATETIME(6) NULL,
  PRIMARY KEY (id),
  KEY cases_queue (state, submitted_at),
  KEY cases_creator (created_by),
  KEY cases_authorisation (authorisation_id),
  CONSTRAINT cases_creator FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT cases_authorisation FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

CREATE TABLE IF NOT EXISTS case_events (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  case_id           BIGINT UNSIGNED NOT NULL,
  at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  actor_id          BIGINT UNSIGNED NULL,
  from_state        VARCHAR(16) NOT NULL,
  to_state          VARCHAR(16) NOT NULL,
  reason            VARCHAR(2000) NOT NULL DEFAULT '',
  data              MEDIUMTEXT NULL,
  PRIMARY KEY (id),
  KEY case_events_case (case_id, at),
  CONSTRAINT case_events_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
