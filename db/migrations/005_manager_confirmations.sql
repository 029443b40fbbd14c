-- 005: the personnel-responsible manager's confirmation of an authorisation application (issue 5;
-- R4.2). The manager confirms by a single-use link mailed to them, not by the applicant ticking a
-- box: the token is stored hashed (SHA-256, lib/session.h), like sessions and invitations. A
-- confirmation counts only while the case's leder_email is still manager_email.

CREATE TABLE IF NOT EXISTS manager_confirmations (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  case_id           BIGINT UNSIGNED NOT NULL,
  token_hash        BINARY(32)      NOT NULL,
  manager_email     VARCHAR(254)    NOT NULL,
  manager_name      VARCHAR(200)    NOT NULL DEFAULT '',
  created_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at        DATETIME(6)     NOT NULL,
  confirmed_at      DATETIME(6)     NULL,
  PRIMARY KEY (id),
  UNIQUE KEY manager_confirmations_token (token_hash),
  KEY manager_confirmations_case (case_id, confirmed_at),
  CONSTRAINT manager_confirmations_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
