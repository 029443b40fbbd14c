-- 018: a thesis student's access from first day to last (issue 14; R11, R14, R24, R29).
--
-- R14: the certification course is passed before any access. FSE records a pass for a person
-- (by the address the portal knows them by), one by one or from a list; a list sent twice
-- records each pass once (a unique key per person and day). A pass may expire (valid_until);
-- a recorded pass can be withdrawn with a reason, never deleted, so the history stays.
CREATE TABLE IF NOT EXISTS certifications (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  email             VARCHAR(254)    NOT NULL,
  name              VARCHAR(200)    NOT NULL DEFAULT '',
  passed_on         DATE            NOT NULL,
  valid_until       DATE            NULL,
  source            ENUM('form','list') NOT NULL DEFAULT 'form',
  recorded_by       BIGINT UNSIGNED NOT NULL,
  recorded_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  withdrawn_at      DATETIME(6)     NULL,
  withdrawn_by      BIGINT UNSIGNED NULL,
  withdraw_reason   VARCHAR(1000)   NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  UNIQUE KEY certifications_once (email, passed_on),
  KEY certifications_email (email, withdrawn_at),
  CONSTRAINT certifications_period CHECK (valid_until IS NULL OR valid_until >= passed_on),
  CONSTRAINT certifications_by FOREIGN KEY (recorded_by) REFERENCES users (id),
  CONSTRAINT certifications_withdrawn_by FOREIGN KEY (withdrawn_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R11: the access ends on the thesis period's end date (copied from the case when granted,
-- moved by an administrator's extension); activated_at is the first moment everything held
-- (lib/studentaccess.c), when the user fee is charged; end_cause says why a live access ended.
ALTER TABLE student_access
  ADD COLUMN IF NOT EXISTS ends_on DATE NULL AFTER granted_at,
  ADD COLUMN IF NOT EXISTS activated_at DATETIME(6) NULL AFTER ends_on,
  ADD COLUMN IF NOT EXISTS end_cause ENUM('', 'moved', 'passed', 'abandoned', 'expired')
    NOT NULL DEFAULT '' AFTER end_reason;
UPDATE student_access s JOIN cases c ON c.id = s.student_case_id
  SET s.ends_on = RIGHT(REGEXP_SUBSTR(c.data, '(^|&)periode_til=[0-9]{4}-[0-9]{2}-[0-9]{2}'), 10)
  WHERE s.ends_on IS NULL AND c.data REGEXP '(^|&)periode_til=[0-9]{4}-[0-9]{2}-[0-9]{2}';
UPDATE student_access SET end_cause = 'moved' WHERE ended_at IS NOT NULL AND end_cause = '';

-- R11: an extension of the thesis period, by an administrator, with a reason; the history.
CREATE TABLE IF NOT EXISTS student_period_changes (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  student_case_id   BIGINT UNSIGNED NOT NULL,
  access_id         BIGINT UNSIGNED NOT NULL,
  old_end           DATE            NULL,
  new_end           DATE            NOT NULL,
  reason            VARCHAR(1000)   NOT NULL,
  changed_by        BIGINT UNSIGNED NOT NULL,
  changed_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY student_period_changes_case (student_case_id, changed_at),
  CONSTRAINT student_period_changes_case FOREIGN KEY (student_case_id) REFERENCES cases (id),
  CONSTRAINT student_period_changes_access FOREIGN KEY (access_id) REFERENCES student_access (id),
  CONSTRAINT student_period_changes_by FOREIGN KEY (changed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R11: a sanction for a breach of the security rules suspends the student's access until an
-- administrator lifts it; both with a reason. At most one in force per student: a unique key
-- over a column that is NULL once lifted (two administrators on two nodes cannot stack two).
CREATE TABLE IF NOT EXISTS access_sanctions (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  student_case_id   BIGINT UNSIGNED NOT NULL,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  reason            VARCHAR(1000)   NOT NULL,
  imposed_by        BIGINT UNSIGNED NOT NULL,
  imposed_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  lifted_at         DATETIME(6)     NULL,
  lifted_by         BIGINT UNSIGNED NULL,
  lift_reason       VARCHAR(1000)   NOT NULL DEFAULT '',
  live_case         BIGINT UNSIGNED AS (IF(lifted_at IS NULL, student_case_id, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY access_sanctions_live (live_case),
  KEY access_sanctions_case (student_case_id, imposed_at),
  CONSTRAINT access_sanctions_case FOREIGN KEY (student_case_id) REFERENCES cases (id),
  CONSTRAINT access_sanctions_authorisation FOREIGN KEY (authorisation_id)
    REFERENCES authorisations (id),
  CONSTRAINT access_sanctions_by FOREIGN KEY (imposed_by) REFERENCES users (id),
  CONSTRAINT access_sanctions_lifted_by FOREIGN KEY (lifted_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R24, R29: the user fee is charged once per attached student, when the access first becomes
-- active: a unique key, not a check, so two activations racing on two nodes charge one fee.
ALTER TABLE case_fees
  ADD COLUMN IF NOT EXISTS user_fee_case BIGINT UNSIGNED
    AS (IF(kind = 'student_user', case_id, NULL)) PERSISTENT,
  ADD UNIQUE KEY IF NOT EXISTS case_fees_user_once (user_fee_case);
