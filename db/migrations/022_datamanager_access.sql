-- 022: a datamanager's own user access (issue 14; R11: an administrator who is also
-- datamanager may get user access, to form populations for the projects; R24: such a
-- special-role holder then pays the user fee). The responsible asks FSE, as for a student, with
-- the person's FSE user id or for a new user: a case of its own kind, 'datamanager_user'. The
-- access is active only while everything holds (lib/dmaccess.h): FSE's approval, both roles,
-- the current user agreement, a valid certification (R14), no sanction in force.
ALTER TABLE cases MODIFY type
  ENUM('authorisation','project','student','fse_user','datamanager_user') NOT NULL;

-- One access per person and authorisation while it is live: a unique key, not a lock (two
-- requests on two Galera nodes cannot make two). The request is its case; FSE's approval
-- writes the id it confirmed or assigned.
CREATE TABLE IF NOT EXISTS datamanager_access (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  user_id           BIGINT UNSIGNED NOT NULL,
  case_id           BIGINT UNSIGNED NOT NULL,
  requested_by      BIGINT UNSIGNED NOT NULL,
  requested_at      DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  fse_id            VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NULL,
  approved_by       BIGINT UNSIGNED NULL,
  approved_at       DATETIME(6)     NULL,
  activated_at      DATETIME(6)     NULL,
  settled_at        DATETIME(6)     NULL,
  ended_at          DATETIME(6)     NULL,
  ended_by          BIGINT UNSIGNED NULL,
  end_reason        VARCHAR(1000)   NOT NULL DEFAULT '',
  live_user         BIGINT UNSIGNED AS (IF(ended_at IS NULL, user_id, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY datamanager_access_case (case_id),
  UNIQUE KEY datamanager_access_live (authorisation_id, live_user),
  KEY datamanager_access_user (user_id),
  CONSTRAINT datamanager_access_authorisation FOREIGN KEY (authorisation_id)
    REFERENCES authorisations (id),
  CONSTRAINT datamanager_access_person FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT datamanager_access_request FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT datamanager_access_by FOREIGN KEY (requested_by) REFERENCES users (id),
  CONSTRAINT datamanager_access_fse_id FOREIGN KEY (fse_id) REFERENCES fse_user_ids (fse_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R24: the datamanager's user fee, once per access (its case), like a student's: the unique
-- key of migration 018 covers both kinds.
ALTER TABLE case_fees MODIFY user_fee_case BIGINT UNSIGNED
  AS (IF(kind IN ('student_user', 'datamanager_user'), case_id, NULL)) PERSISTENT;
