-- 017: the user agreement (brugeraftale) every user of microdata accepts (issue 13; R15). FSE
-- publishes its text; each published text is a version of its own, never edited, so what a
-- person accepted stays readable. A student accepts the current version; a new version must be
-- accepted again (an acceptance is of one version: a unique key per person and version).
CREATE TABLE IF NOT EXISTS user_agreements (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  text              MEDIUMTEXT      NOT NULL,
  published_by      BIGINT UNSIGNED NOT NULL,
  published_at      DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  CONSTRAINT user_agreements_by FOREIGN KEY (published_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

CREATE TABLE IF NOT EXISTS user_agreement_acceptances (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  agreement_id      BIGINT UNSIGNED NOT NULL,
  user_id           BIGINT UNSIGNED NOT NULL,
  accepted_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY user_agreement_acceptances_once (user_id, agreement_id),
  CONSTRAINT user_agreement_acceptances_agreement FOREIGN KEY (agreement_id)
    REFERENCES user_agreements (id),
  CONSTRAINT user_agreement_acceptances_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
