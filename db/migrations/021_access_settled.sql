-- 021: the write every settling of a student's access makes (issue 14; lib/studentaccess.c).
-- Whether an access is active rests on rows other transactions write (the user agreement, a
-- certification, a sanction lifted). Two of those committing at once could each see the other's
-- fact missing and leave the access inactive with everything in place; each settling therefore
-- writes the access row first: on one server they take turns, on a Galera cluster the second
-- to commit conflicts and runs again, whole, seeing the first.
ALTER TABLE student_access
  ADD COLUMN IF NOT EXISTS settled_at DATETIME(6) NULL AFTER activated_at;
