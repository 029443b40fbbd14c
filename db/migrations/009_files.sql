-- 009: uploaded files (issue 10), kept in the database so that a backup and a replica hold
-- everything (DESIGN: Data and durability). The first use is the institution's logo, which
-- Annex 1 carries (R26); the supervisor's signed Annex 1 (R27) comes with the student cases.
-- Every file belongs to an authorisation, and to one of its cases when case_id is set: the
-- download route (cgi-bin/files.c) checks the policy of that owner.
-- A new upload replaces the current file of the same purpose and owner; the old row stays
-- (is_current NULL, replaced_at set) so the history is kept. At most one current file per
-- purpose and owner is a unique key, not a lock: two replacements at once on two Galera
-- nodes conflict on it (or on the row both mark replaced) at commit (DESIGN: Process model).
-- slot is the case id, or 0 for a file of the authorisation itself (a NULL would make the
-- unique key accept any number of current rows).
CREATE TABLE IF NOT EXISTS files (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  purpose           VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  case_id           BIGINT UNSIGNED NULL,
  slot              BIGINT UNSIGNED NOT NULL DEFAULT 0,
  is_current        TINYINT UNSIGNED NULL DEFAULT 1,
  -- The display name, cleaned of paths and control characters, with the extension of its type.
  name              VARCHAR(255) NOT NULL,
  -- The type decided from the bytes (libmagic), never the browser's word or the name.
  mime              VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  size_bytes        INT UNSIGNED NOT NULL,
  sha256            CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  width             INT UNSIGNED NULL,
  height            INT UNSIGNED NULL,
  content           LONGBLOB     NOT NULL,
  uploaded_by       BIGINT UNSIGNED NOT NULL,
  uploaded_at       DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  replaced_at       DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY files_current (purpose, authorisation_id, slot, is_current),
  KEY files_owner (authorisation_id, purpose, uploaded_at),
  CONSTRAINT files_authorisation FOREIGN KEY (authorisation_id) REFERENCES authorisations (id),
  CONSTRAINT files_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT files_uploader FOREIGN KEY (uploaded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
