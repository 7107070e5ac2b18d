-- Version 3 (durability): a commit counter, and drafts kept across a lock.
--
-- store_generation: one row, bumped by every write transaction. Its value after each commit
-- is also recorded outside the database (store/high-water), so a store that opens older than
-- it was (a database copied without its write-ahead log, a log cut short) is noticed.
CREATE TABLE store_generation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  INTEGER NOT NULL
);
INSERT INTO store_generation (id, generation) VALUES (1, 0);

-- drafts: what the person was typing when Thaw locked, offered back after unlocking.
-- One per form (`kind`, e.g. "journal"); the body is the form's state as the UI wrote it.
-- Removed when the form is saved or the person lets it go.
CREATE TABLE drafts (
    kind        TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
