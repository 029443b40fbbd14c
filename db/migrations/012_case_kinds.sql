-- 012: cases.type holds exactly the kinds in the registry (lib/casekind.c; issue 10). 'fse_user'
-- and 'student' had no code behind them: a case of either type could be stored but FSE's queue
-- would never show it. A kind comes back with its registry entry and hooks (student
-- attachments, issue 13, add 'student' again in their own migration). No rows can hold them (no
-- code ever created one); should one exist, this statement fails and the migration stops.
ALTER TABLE cases MODIFY type ENUM('authorisation','project') NOT NULL;
