-- 011: a pending invitation can be withdrawn, or sent again (issue 11). Sending again withdraws
-- the old one (its link stops working) and makes a new one, so the history keeps both; a
-- withdrawn invitation is never accepted (cgi-bin/authorisation.c: find_invitation).
ALTER TABLE invitations
  ADD COLUMN IF NOT EXISTS withdrawn_at DATETIME(6) NULL AFTER accepted_by,
  ADD COLUMN IF NOT EXISTS withdrawn_by BIGINT UNSIGNED NULL AFTER withdrawn_at;
