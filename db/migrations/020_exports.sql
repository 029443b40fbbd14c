-- 020: taking results home (issue 14; R9, R10, R13, R22). A thesis student asks their
-- supervisor in writing to take analysis results out of DST's platform (R13: "skriftlig
-- anmodning"): which files, what each contains, and that they are aggregated results only (R22).
-- The supervisor checks the files against FSE's checklist and approves with a note or refuses
-- with a reason; an approval records exactly what was released. Students never approve (R10),
-- a supervisor only for their own students (R13): the handlers check, the policy says so.

-- R22: the checklist a supervisor checks the files against, kept by FSE as a setting, never
-- rules in code. One item per line. As with the user agreement (017), each published text is a
-- version of its own, never edited: a request records the version it was checked against, so
-- what the supervisor ticked stays readable. The current version is the newest.
CREATE TABLE IF NOT EXISTS export_rule_versions (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  text              MEDIUMTEXT      NOT NULL,
  published_by      BIGINT UNSIGNED NOT NULL,
  published_at      DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  CONSTRAINT export_rule_versions_by FOREIGN KEY (published_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- A student's request. The decision is one UPDATE of this row from 'requested' (the row it
-- writes carries the rule: two decisions at once, on two Galera nodes too, conflict on it and
-- the second finds it decided). decision_note is the supervisor's note on an approval, or the
-- reason for a refusal (required then, checked by the handler).
CREATE TABLE IF NOT EXISTS export_requests (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  student_case_id   BIGINT UNSIGNED NOT NULL,
  requested_by      BIGINT UNSIGNED NOT NULL,
  requested_at      DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  -- R22: the student's confirmation that the files hold aggregated results only.
  aggregated_confirmed TINYINT(1)   NOT NULL,
  state             ENUM('requested','approved','refused') NOT NULL DEFAULT 'requested',
  rules_version_id  BIGINT UNSIGNED NULL,
  decided_by        BIGINT UNSIGNED NULL,
  decided_at        DATETIME(6)     NULL,
  decision_note     VARCHAR(2000)   NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY export_requests_authorisation (authorisation_id, requested_at),
  KEY export_requests_case (student_case_id, requested_at),
  CONSTRAINT export_requests_confirmed CHECK (aggregated_confirmed = 1),
  CONSTRAINT export_requests_decided CHECK ((state = 'requested') = (decided_at IS NULL)),
  CONSTRAINT export_requests_authorisation FOREIGN KEY (authorisation_id)
    REFERENCES authorisations (id),
  CONSTRAINT export_requests_case FOREIGN KEY (student_case_id) REFERENCES cases (id),
  CONSTRAINT export_requests_by FOREIGN KEY (requested_by) REFERENCES users (id),
  CONSTRAINT export_requests_rules FOREIGN KEY (rules_version_id)
    REFERENCES export_rule_versions (id),
  CONSTRAINT export_requests_decided_by FOREIGN KEY (decided_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- The files a request asks to take home, each with what the student says it contains. The
-- bytes are in files (purpose 'export', lib/files.c), never replaced by a later upload.
CREATE TABLE IF NOT EXISTS export_request_files (
  request_id        BIGINT UNSIGNED NOT NULL,
  position          TINYINT UNSIGNED NOT NULL,
  file_id           BIGINT UNSIGNED NOT NULL,
  contents          VARCHAR(1000)   NOT NULL,
  PRIMARY KEY (request_id, position),
  UNIQUE KEY export_request_files_file (file_id),
  CONSTRAINT export_request_files_request FOREIGN KEY (request_id) REFERENCES export_requests (id),
  CONSTRAINT export_request_files_file FOREIGN KEY (file_id) REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R13, R22: what an approval released, copied at the moment of approval (name, size, SHA-256
-- of the bytes), so the log stands on its own. Written only with the approval.
CREATE TABLE IF NOT EXISTS export_released_files (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  request_id        BIGINT UNSIGNED NOT NULL,
  file_id           BIGINT UNSIGNED NOT NULL,
  name              VARCHAR(255)    NOT NULL,
  size_bytes        INT UNSIGNED    NOT NULL,
  sha256            CHAR(64)        CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  released_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY export_released_files_once (request_id, file_id),
  CONSTRAINT export_released_files_request FOREIGN KEY (request_id)
    REFERENCES export_requests (id),
  CONSTRAINT export_released_files_file FOREIGN KEY (file_id) REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
