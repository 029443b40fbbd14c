-- 007: broad project proposals (projektindstillinger, issue 6; R12, R16-R19, R23). A proposal is a
-- case of type 'project' on an authorisation (cases.authorisation_id), so it shares the state
-- machine, events, return-for-changes and the FSE queue with authorisation applications. What
-- is particular to proposals lives here: the analysis platform the authorisation must have
-- before the first proposal (R17), the signer's attestation (R12), the fee incurred on
-- submission (R23) and the approved project with its FSE project number (R16).

-- R17: stated by the responsible before the first proposal; NULL until then. The application
-- asks for it, so an approval fills it in; the responsible can change it later.
ALTER TABLE authorisations
  ADD COLUMN IF NOT EXISTS platform ENUM('forskermaskinen','hosted') NULL,
  ADD COLUMN IF NOT EXISTS platform_server VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS platform_set_by BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS platform_set_at DATETIME(6) NULL;

-- R12: a signer attests, on behalf of the institution, that the proposal is lawful under the
-- GDPR. text_hash is SHA-256 of exactly the text the signer was shown (lib/proposal.c makes
-- it); any later edit of the proposal voids the signature (voided_at), and only a signature
-- whose hash matches the proposal's text as it is now counts.
CREATE TABLE IF NOT EXISTS proposal_signatures (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  case_id           BIGINT UNSIGNED NOT NULL,
  signer_id         BIGINT UNSIGNED NOT NULL,
  signed_at         DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  text_hash         BINARY(32)      NOT NULL,
  case_version      INT UNSIGNED    NOT NULL,
  voided_at         DATETIME(6)     NULL,
  voided_by         BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY proposal_signatures_case (case_id, voided_at),
  CONSTRAINT proposal_signatures_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT proposal_signatures_signer FOREIGN KEY (signer_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R23: the fee a case incurred, at the rate valid on the day (the rate table, 006). Kept as the
-- amount charged, so a later change of rates does not rewrite what was charged.
CREATE TABLE IF NOT EXISTS case_fees (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  case_id           BIGINT UNSIGNED NOT NULL,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  kind              VARCHAR(32)     NOT NULL,
  rate_id           BIGINT UNSIGNED NULL,
  amount_ore        BIGINT UNSIGNED NOT NULL,
  incurred_on       DATE            NOT NULL,
  created_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY case_fees_authorisation (authorisation_id, incurred_on),
  KEY case_fees_case (case_id),
  CONSTRAINT case_fees_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT case_fees_authorisation FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R16: an approved proposal is a project with FSE's project number; students are later given
-- access to one of these (R20).
CREATE TABLE IF NOT EXISTS projects (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  case_id           BIGINT UNSIGNED NOT NULL,
  authorisation_id  BIGINT UNSIGNED NOT NULL,
  number            VARCHAR(32)     NOT NULL,
  title             VARCHAR(300)    NOT NULL,
  approved_by       BIGINT UNSIGNED NULL,
  approved_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY projects_number (number),
  UNIQUE KEY projects_case (case_id),
  KEY projects_authorisation (authorisation_id),
  CONSTRAINT projects_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT projects_authorisation FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
