-- 023: limits that keep one account or one client address from filling the portal (issue 16,
-- lib/caps.h). A cap that rests on a count must also write a row the count depends on, so two
-- requests on two Galera nodes conflict (DESIGN.md, process model): cap_gates is that row per
-- kind of cap and what it counts for (a person, a case, an authorisation; uses: how often it
-- was passed, for nothing but a look), and address_caps per public form and client address,
-- where uses is the count of the current hour. Refusals are audit events (action
-- 'cap.refused'), which FSE's page of hit caps reads.
CREATE TABLE IF NOT EXISTS cap_gates (
  kind          VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  subject_id    BIGINT UNSIGNED NOT NULL,
  uses          BIGINT UNSIGNED NOT NULL DEFAULT 0,
  used_at       DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (kind, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

CREATE TABLE IF NOT EXISTS address_caps (
  form          VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  address       VARCHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  uses          INT UNSIGNED    NOT NULL DEFAULT 0,
  window_start  DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (form, address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- The counts behind the caps read these with a locking read: by index, so they lock the
-- person's rows, not the table's.
ALTER TABLE invitations ADD KEY IF NOT EXISTS invitations_inviter (invited_by, created_at);
ALTER TABLE files ADD KEY IF NOT EXISTS files_uploader_day (uploaded_by, uploaded_at);

-- Who caused a mail: the logged-in person whose request enqueued it (NULL: the system, the
-- scheduler, an anonymous visitor), counted against cap_mails_hour.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS caused_by BIGINT UNSIGNED NULL,
  ADD KEY IF NOT EXISTS outbox_caused_by (caused_by, created_at);

-- FSE's page lists the refusals by time.
ALTER TABLE audit_events ADD KEY IF NOT EXISTS audit_action (action, at);
