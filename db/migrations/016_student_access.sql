-- 016: a thesis student's access to one broad project (issue 13; R11, R15, R20). The
-- administrator grants it once FSE has approved the student as a user; a student has access to
-- exactly one project at a time, a unique key over the address while the access is live (not a
-- lock: two administrators on two Galera nodes cannot give one student two projects). Moving to
-- another project ends the live access with a reason and grants the new one in the same
-- transaction; the history keeps both.
CREATE TABLE IF NOT EXISTS student_access (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  student_case_id   BIGINT UNSIGNED NOT NULL,
  project_case_id   BIGINT UNSIGNED NOT NULL,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  student_email     VARCHAR(254)    NOT NULL,
  granted_by        BIGINT UNSIGNED NOT NULL,
  granted_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  ended_at          DATETIME(6)     NULL,
  ended_by          BIGINT UNSIGNED NULL,
  end_reason        VARCHAR(1000)   NOT NULL DEFAULT '',
  live_email        VARCHAR(254)    AS (IF(ended_at IS NULL, student_email, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY student_access_live (live_email),
  KEY student_access_case (student_case_id, ended_at),
  CONSTRAINT student_access_case FOREIGN KEY (student_case_id) REFERENCES cases (id),
  CONSTRAINT student_access_project FOREIGN KEY (project_case_id) REFERENCES cases (id),
  CONSTRAINT student_access_authorisation FOREIGN KEY (authorisation_id)
    REFERENCES authorisations (id),
  CONSTRAINT student_access_by FOREIGN KEY (granted_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
