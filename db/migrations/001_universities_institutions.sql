-- 001: the eight recognised research universities (R2), institutions under them or outside
-- them (R3), and the programme types the eligibility check asks about (R1).
-- Every statement is idempotent (IF NOT EXISTS / INSERT IGNORE): DDL commits implicitly in
-- MariaDB, so a migration cut off half-way is finished by simply running it again.

CREATE TABLE IF NOT EXISTS universities (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code          VARCHAR(16)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  name_en       VARCHAR(200) NOT NULL,
  affiliated    VARCHAR(300) NOT NULL DEFAULT '',
  sort_order    SMALLINT     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY universities_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- An institution is a faculty, institute or centre under a university (R2), or another Danish
-- institution with master's programmes (R3, university_id NULL).
CREATE TABLE IF NOT EXISTS institutions (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT,
  university_id INT UNSIGNED NULL,
  name          VARCHAR(200) NOT NULL,
  kind          ENUM('faculty','institute','centre','other') NOT NULL,
  created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY institutions_university_name (university_id, name),
  CONSTRAINT institutions_university FOREIGN KEY (university_id) REFERENCES universities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- rule: thesis (R1 met), no_thesis (R1 not met), research (researcher scheme), doubt (R25).
CREATE TABLE IF NOT EXISTS programme_types (
  code          VARCHAR(32)  NOT NULL,
  label         VARCHAR(200) NOT NULL,
  hint          VARCHAR(300) NOT NULL DEFAULT '',
  rule          ENUM('thesis','no_thesis','research','doubt') NOT NULL,
  sort_order    SMALLINT     NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

INSERT IGNORE INTO universities (code, name, name_en, affiliated, sort_order) VALUES
  ('ku',  'Københavns Universitet', 'University of Copenhagen',
          'med universitetshospitalerne, herunder Rigshospitalet', 1),
  ('au',  'Aarhus Universitet', 'Aarhus University', 'med AUH Skejby', 2),
  ('sdu', 'Syddansk Universitet', 'University of Southern Denmark',
          'med Odense Universitetshospital', 3),
  ('ruc', 'Roskilde Universitet', 'Roskilde University', '', 4),
  ('aau', 'Aalborg Universitet', 'Aalborg University', 'med Aalborg Universitetshospital', 5),
  ('dtu', 'Danmarks Tekniske Universitet', 'Technical University of Denmark', '', 6),
  ('cbs', 'Copenhagen Business School', 'Copenhagen Business School', '', 7),
  ('itu', 'IT-Universitetet i København', 'IT University of Copenhagen', '', 8);

INSERT IGNORE INTO programme_types (code, label, hint, rule, sort_order) VALUES
  ('kandidat-speciale', 'Kandidatuddannelse, der afsluttes med et speciale',
   'Typisk et speciale på 30-60 ECTS-point.', 'thesis', 1),
  ('kandidat-uden', 'Kandidatuddannelse uden speciale', '', 'no_thesis', 2),
  ('master', 'Masteruddannelse (efter- og videreuddannelse)',
   'Afsluttes med et masterprojekt.', 'doubt', 3),
  ('bachelor', 'Bacheloruddannelse', '', 'no_thesis', 4),
  ('phd', 'Ph.d.-uddannelse', '', 'research', 5);
