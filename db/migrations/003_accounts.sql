-- 003: accounts, sessions, one-time e-mail tokens, login throttling, authorisations (the scope of
-- roles), role assignments with their history (R34), invitations, and the audit trail (R33).

CREATE TABLE IF NOT EXISTS users (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  email               VARCHAR(254) NOT NULL,
  name                VARCHAR(200) NOT NULL,
  password_hash       VARCHAR(255) NOT NULL,
  email_verified_at   DATETIME(6)  NULL,
  fse_user_id         VARCHAR(32)  NULL,
  foreign_university  TINYINT(1)   NOT NULL DEFAULT 0,
  country             CHAR(2)      NOT NULL DEFAULT 'DK',
  certified_on        DATE         NULL,
  status              ENUM('active','disabled') NOT NULL DEFAULT 'active',
  totp_secret         VARBINARY(64) NULL,
  totp_enabled_at     DATETIME(6)  NULL,
  totp_last_step      BIGINT       NOT NULL DEFAULT 0,
  created_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  version             INT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY users_email (email),
  UNIQUE KEY users_fse_user_id (fse_user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- The token itself is only in the cookie; the table holds its SHA-256.
CREATE TABLE IF NOT EXISTS sessions (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  token_hash          BINARY(32)   NOT NULL,
  user_id             BIGINT UNSIGNED NULL,
  mfa_pending         TINYINT(1)   NOT NULL DEFAULT 0,
  csrf_token          CHAR(43)     NOT NULL,
  created_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  last_seen_at        DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at          DATETIME(6)  NOT NULL,
  remote_addr         VARCHAR(64)  NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  UNIQUE KEY sessions_token (token_hash),
  KEY sessions_user (user_id),
  CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- Single-use links sent by mail: verify an address, reset a password.
CREATE TABLE IF NOT EXISTS email_tokens (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  token_hash          BINARY(32)   NOT NULL,
  user_id             BIGINT UNSIGNED NOT NULL,
  purpose             ENUM('verify','reset') NOT NULL,
  created_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at          DATETIME(6)  NOT NULL,
  used_at             DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY email_tokens_token (token_hash),
  KEY email_tokens_user (user_id, purpose),
  CONSTRAINT email_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- Failed logins per account and per client address, shared by every process.
CREATE TABLE IF NOT EXISTS login_throttle (
  scope               ENUM('account','address') NOT NULL,
  subject             VARCHAR(254) NOT NULL,
  failures            INT UNSIGNED NOT NULL DEFAULT 0,
  last_failure_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  blocked_until       DATETIME(6)  NULL,
  PRIMARY KEY (scope, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- An institution's education authorisation; the case that leads to it comes with issue 5.
CREATE TABLE IF NOT EXISTS authorisations (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  institution_id      INT UNSIGNED NOT NULL,
  number              VARCHAR(32)  NULL,
  status              ENUM('active','revoked') NOT NULL DEFAULT 'active',
  created_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY authorisations_number (number),
  CONSTRAINT authorisations_institution FOREIGN KEY (institution_id) REFERENCES institutions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R6: the institution's own e-mail domains; every invited user's address must be in one.
CREATE TABLE IF NOT EXISTS authorisation_domains (
  authorisation_id    BIGINT UNSIGNED NOT NULL,
  domain              VARCHAR(190) NOT NULL,
  PRIMARY KEY (authorisation_id, domain),
  CONSTRAINT authorisation_domains_auth FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R9-R13, R25, R34: roles per authorisation (FSE roles: authorisation_id NULL), never deleted:
-- a revocation is a date and a person, so the history stays.
CREATE TABLE IF NOT EXISTS role_assignments (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id             BIGINT UNSIGNED NOT NULL,
  role                ENUM('responsible','administrator','datamanager','signer','supervisor',
                           'student','fse_caseworker','fse_head','national_statistician') NOT NULL,
  authorisation_id    BIGINT UNSIGNED NULL,
  granted_by          BIGINT UNSIGNED NULL,
  granted_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  grant_reason        VARCHAR(500) NOT NULL DEFAULT '',
  revoked_by          BIGINT UNSIGNED NULL,
  revoked_at          DATETIME(6)  NULL,
  revoke_reason       VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY role_assignments_user (user_id, revoked_at),
  KEY role_assignments_auth (authorisation_id, revoked_at),
  CONSTRAINT role_assignments_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT role_assignments_auth FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

CREATE TABLE IF NOT EXISTS invitations (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  token_hash          BINARY(32)   NOT NULL,
  authorisation_id    BIGINT UNSIGNED NOT NULL,
  email               VARCHAR(254) NOT NULL,
  role                ENUM('responsible','administrator','datamanager','signer','supervisor',
                           'student') NOT NULL,
  invited_by          BIGINT UNSIGNED NOT NULL,
  override_reason     VARCHAR(500) NOT NULL DEFAULT '',
  created_at          DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at          DATETIME(6)  NOT NULL,
  accepted_at         DATETIME(6)  NULL,
  accepted_by         BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  UNIQUE KEY invitations_token (token_hash),
  KEY invitations_auth (authorisation_id),
  CONSTRAINT invitations_auth FOREIGN KEY (authorisation_id) REFERENCES authorisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- R33: who did what to whom, when and from where; queryable per person (subject or actor).
CREATE TABLE IF NOT EXISTS audit_events (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  at                  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  actor_id            BIGINT UNSIGNED NULL,
  action              VARCHAR(64)  NOT NULL,
  object_type         VARCHAR(32)  NOT NULL DEFAULT '',
  object_id           BIGINT UNSIGNED NULL,
  subject_id          BIGINT UNSIGNED NULL,
  remote_addr         VARCHAR(64)  NOT NULL DEFAULT '',
  request_id          VARCHAR(64)  NOT NULL DEFAULT '',
  detail              VARCHAR(1000) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY audit_actor (actor_id, at),
  KEY audit_subject (subject_id, at),
  KEY audit_object (object_type, object_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
