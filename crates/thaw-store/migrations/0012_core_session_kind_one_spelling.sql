-- no-transaction
-- Version 12 (thaw-core, issue 13): one spelling for how a session was given.
--
-- The store said `oral_lozenge` where the IPC contract, the UI and the visit summary say
-- `oral_or_lozenge`, and thaw-core translated between them. Now the store keeps the same
-- code (`codes.rs`). The old spelling is in the table's CHECK, which SQLite can only change
-- by building the table anew (https://sqlite.org/lang_altertable.html, "other kinds of table
-- schema changes"): journal entries point at sessions, so foreign keys are off while the
-- table is swapped (a pragma that cannot change inside a transaction, hence no-transaction
-- above); every id is copied as it was, so every link stays true. Safe to run twice: a run
-- killed after its COMMIT but before sqlx records it finds the new spelling and copies it as
-- it is.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
DROP TABLE IF EXISTS treatment_sessions_v12;
CREATE TABLE treatment_sessions_v12 (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('iv', 'im', 'intranasal', 'oral_or_lozenge', 'other')),
    setting         TEXT    NOT NULL CHECK (setting IN ('clinic', 'home')),
    intention       TEXT,
    notes           TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
INSERT INTO treatment_sessions_v12
    (id, at, offset_min, local_date, kind, setting, intention, notes, archived)
SELECT id, at, offset_min, local_date,
       CASE kind WHEN 'oral_lozenge' THEN 'oral_or_lozenge' ELSE kind END,
       setting, intention, notes, archived
FROM treatment_sessions;
DROP TABLE treatment_sessions;
ALTER TABLE treatment_sessions_v12 RENAME TO treatment_sessions;
COMMIT;
PRAGMA foreign_keys = ON;
