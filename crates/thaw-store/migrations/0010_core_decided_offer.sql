-- Version 10 (thaw-core, issues 13 and 14): store what was decided, and one meaning of "today".
--
-- A rung keeps its kind as the ladder was written (inside, preparation, first minutes, the
-- act) instead of a flag from which the rest was guessed back by position and size. Rows
-- written before are given the kind that guess gave them, once, here. `internal` stays,
-- written from the kind, for older copies of Thaw reading a restored backup.
ALTER TABLE rungs ADD COLUMN kind TEXT NOT NULL DEFAULT 'preparation'
    CHECK (kind IN ('internal', 'preparation', 'first_minutes', 'act'));
UPDATE rungs SET kind = CASE
    WHEN internal = 1 THEN 'internal'
    WHEN position = (SELECT max(r2.position) FROM rungs r2
                     WHERE r2.movement_id = rungs.movement_id AND r2.archived = 0) THEN 'act'
    WHEN coalesce(size_seconds, 60) <= 60 THEN 'preparation'
    ELSE 'first_minutes'
END;

-- An offer keeps what was shown: the step's words, its kind and its seconds, and whether it
-- was a "bit more" the person asked for. A waiting offer is shown from its row as it is.
ALTER TABLE offers ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN kind TEXT NOT NULL DEFAULT 'internal'
    CHECK (kind IN ('internal', 'preparation', 'first_minutes', 'act'));
ALTER TABLE offers ADD COLUMN seconds INTEGER NOT NULL DEFAULT 5 CHECK (seconds >= 0);
ALTER TABLE offers ADD COLUMN bit_more INTEGER NOT NULL DEFAULT 0 CHECK (bit_more IN (0, 1));
UPDATE offers SET
    text = (SELECT r.text FROM rungs r WHERE r.id = offers.rung_id),
    kind = (SELECT r.kind FROM rungs r WHERE r.id = offers.rung_id),
    seconds = (SELECT max(1, min(coalesce(r.size_seconds, 60), 86400)) FROM rungs r WHERE r.id = offers.rung_id)
WHERE rung_id IS NOT NULL AND EXISTS (SELECT 1 FROM rungs r WHERE r.id = offers.rung_id);
-- Offers without a rung were the breath-sized step (thaw_engine::BREATH_TEXT, BREATH_SECONDS).
UPDATE offers SET text = 'Take one slow breath. That is all.', kind = 'internal', seconds = 5
WHERE text = '';

-- The day turns at 04:00 (thaw_engine::day_of): a row written between midnight and 04:00
-- belongs to the evening before. Rows written before this version carry the calendar date;
-- they are given their day here, from the moment and offset they were written with.
UPDATE check_ins SET local_date = date(at, (offset_min - 240) || ' minutes');
UPDATE offers SET local_date = date(offered_at, (offered_offset_min - 240) || ' minutes');
UPDATE responses SET local_date = date(responded_at, (responded_offset_min - 240) || ' minutes');
UPDATE internal_shifts SET local_date = date(at, (offset_min - 240) || ' minutes');
UPDATE treatment_sessions SET local_date = date(at, (offset_min - 240) || ' minutes');
UPDATE journal_entries SET local_date = date(at, (offset_min - 240) || ' minutes');
UPDATE questionnaire_responses SET local_date = date(at, (offset_min - 240) || ' minutes');
