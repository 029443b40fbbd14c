-- 006: the dated fee rate table (issue 6; R23, R24, R29). Fees are rates that change over time,
-- edited by FSE staff on /fse/takster, never prices in code (R29): a proposal and a re-proposal
-- cost the proposal rate valid on the day of submission (R23); students pay the user fee (R24);
-- case work per hour and user certification are rates too (R29).
--
-- Amounts are whole øre (1 kr. = 100 øre) in an integer: no floating point near money.
-- A period runs from valid_from to valid_to, both days included; valid_to NULL means until
-- further notice. Periods of one kind must not overlap. MariaDB cannot say that as a constraint,
-- so lib/fees.c checks it in the inserting transaction after locking the kind's rows (and, through
-- the index below, the gap where a new row would go) with SELECT ... FOR UPDATE.
-- is_demo marks values that are placeholders (portalctl seed-demo-rates), shown as such.

CREATE TABLE IF NOT EXISTS rates (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kind              ENUM('proposal','student_user','casework_hour','certification') NOT NULL,
  amount_ore        BIGINT UNSIGNED NOT NULL,
  valid_from        DATE            NOT NULL,
  valid_to          DATE            NULL,
  note              VARCHAR(200)    NOT NULL DEFAULT '',
  is_demo           TINYINT(1)      NOT NULL DEFAULT 0,
  created_by        BIGINT UNSIGNED NULL,
  created_at        DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY rates_kind_from (kind, valid_from),
  KEY rates_creator (created_by),
  CONSTRAINT rates_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT rates_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;
