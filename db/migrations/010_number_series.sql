-- 010: FSE's numbers count per year from 1, with no gaps (issue 11): the first project approved
-- in 2026 is P-2026-1, the first authorisation UA-2026-1 (they were made from the case id, so
-- the first project got P-2026-2). One row per series and year holds the last number given;
-- an approval increments it in its own transaction, so a rollback gives the number back, and
-- two approvals at once both write the row: InnoDB serialises them, and on a Galera cluster the
-- loser fails certification and runs again (DESIGN: Process model). The numbers themselves stay
-- unique keys on projects and authorisations.
CREATE TABLE IF NOT EXISTS number_series (
  series            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year              SMALLINT UNSIGNED NOT NULL,
  last              INT UNSIGNED NOT NULL,
  PRIMARY KEY (series, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_danish_ci;

-- Numbers given before this migration (made from case ids) are never given again: each series
-- continues after the highest one of its year.
INSERT IGNORE INTO number_series (series, year, last)
  SELECT 'project', CAST(SUBSTRING(number, 3, 4) AS UNSIGNED),
         MAX(CAST(SUBSTRING(number, 8) AS UNSIGNED))
  FROM projects WHERE number REGEXP '^P-[0-9]{4}-[0-9]+$' GROUP BY 2;
INSERT IGNORE INTO number_series (series, year, last)
  SELECT 'authorisation', CAST(SUBSTRING(number, 4, 4) AS UNSIGNED),
         MAX(CAST(SUBSTRING(number, 9) AS UNSIGNED))
  FROM authorisations WHERE number REGEXP '^UA-[0-9]{4}-[0-9]+$' GROUP BY 2;
