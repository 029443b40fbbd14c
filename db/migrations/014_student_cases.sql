-- 014: thesis students attached to an approved broad project (issue 13; R7, R10, R11, R13, R20,
-- R26-R28). The student case is the third kind of case: a supervisor writes it, the signed
-- Annex 1 (research potential) is its file (files.purpose 'annex1', slot = the case), and it
-- goes to the authorisation's administrators. Its registry entry (lib/casekind.c) and FSE's
-- hooks (cgi-bin/fse_kind_student.c) land with this migration, so the kind never exists half.
ALTER TABLE cases MODIFY type ENUM('authorisation','project','student') NOT NULL;

-- R27: what a digitally signed upload says of its signature, read once at upload (lib/pdfsig:
-- poppler in a sandboxed child) and shown wherever the file is. A scan has no row.
CREATE TABLE IF NOT EXISTS file_signatures (
  file_id           BIGINT UNSIGNED NOT NULL,
  signatures        INT UNSIGNED    NOT NULL,
  signer            VARCHAR(256)    NOT NULL DEFAULT '',
  signed_at         DATETIME        NULL,
  -- the signature matches the bytes: 'matches', 'changed' or 'broken' (lib/pdfsig.h)
  verdict           VARCHAR(16)     CHARACTER SET ascii NOT NULL,
  -- the certificate: 'trusted', 'unknown', 'expired', 'revoked' or 'unchecked'
  certificate       VARCHAR(16)     CHARACTER SET ascii NOT NULL,
  whole_file        TINYINT(1)      NOT NULL,
  PRIMARY KEY (file_id),
  CONSTRAINT file_signatures_file FOREIGN KEY (file_id) REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
