-- 015: FSE approves a thesis student as a user (issue 13; R6, R10, R15). Every user is approved
-- by FSE: the authorisation's responsible sends the attachment to FSE as a case of its own
-- kind, 'fse_user', made from the student case (its parent), with the student's FSE user id if
-- they have one (FSE confirms it) or asking FSE to approve a new user (the caseworker enters
-- the id FSE assigns). Its registry entry and FSE's hooks land with this migration.
ALTER TABLE cases MODIFY type ENUM('authorisation','project','student','fse_user') NOT NULL;

-- A case made from another: an FSE user approval from its student case.
ALTER TABLE cases
  ADD COLUMN IF NOT EXISTS parent_id BIGINT UNSIGNED NULL,
  ADD KEY IF NOT EXISTS cases_parent (parent_id),
  ADD CONSTRAINT cases_parent FOREIGN KEY IF NOT EXISTS (parent_id) REFERENCES cases (id);

-- FSE user ids as FSE assigned or confirmed them: an id is one person's (their address), so
-- the primary key refuses to give it to a second.
CREATE TABLE IF NOT EXISTS fse_user_ids (
  fse_id            VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  email             VARCHAR(254)    NOT NULL,
  first_approved_at DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (fse_id),
  KEY fse_user_ids_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- An approval of an fse_user case: which id the student has. One per student case, a unique
-- key (not a lock: two caseworkers on two Galera nodes cannot both approve one student).
CREATE TABLE IF NOT EXISTS fse_user_approvals (
  case_id           BIGINT UNSIGNED NOT NULL,
  student_case_id   BIGINT UNSIGNED NOT NULL,
  fse_id            VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  new_user          TINYINT(1)      NOT NULL,
  approved_by       BIGINT UNSIGNED NOT NULL,
  approved_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (case_id),
  UNIQUE KEY fse_user_approvals_student (student_case_id),
  CONSTRAINT fse_user_approvals_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fse_user_approvals_student FOREIGN KEY (student_case_id) REFERENCES cases (id),
  CONSTRAINT fse_user_approvals_id FOREIGN KEY (fse_id) REFERENCES fse_user_ids (fse_id),
  CONSTRAINT fse_user_approvals_by FOREIGN KEY (approved_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
