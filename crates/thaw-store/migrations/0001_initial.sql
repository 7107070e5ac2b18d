-- Thaw's schema, version 1. Forward-only: never edit a shipped migration, add a new one.
--
-- Time convention: every moment is stored as `<name>_at` (RFC 3339 UTC with milliseconds,
-- e.g. 2025-03-01T07:30:00.000Z, which sorts correctly as text) plus `<name>_offset_min`,
-- the person's local UTC offset in minutes at that moment. Records that belong to a day
-- also keep `local_date` (YYYY-MM-DD in the person's local time then), so "today" and
-- "these weeks" mean what the person lived, even after travel or a clock change.
--
-- Nothing a person wrote is ever deleted by the app in normal use: things are archived.

-- Life areas (relationships; work, study and contributing; play...; mind, body and spirit;
-- daily responsibilities) in the person's own words.
CREATE TABLE life_areas (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT    NOT NULL,
    created_offset_min INTEGER NOT NULL
);

-- What matters to the person within a life area, in their words.
CREATE TABLE personal_values (
    id              INTEGER PRIMARY KEY,
    life_area_id    INTEGER REFERENCES life_areas(id),
    words           TEXT    NOT NULL,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT    NOT NULL,
    created_offset_min INTEGER NOT NULL
);

-- A movement: something the person would like to do more of, linked to a value.
CREATE TABLE movements (
    id              INTEGER PRIMARY KEY,
    value_id        INTEGER REFERENCES personal_values(id),
    title           TEXT    NOT NULL,
    -- Key of the starter-library entry it came from, NULL for the person's own.
    library_key     TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT    NOT NULL,
    created_offset_min INTEGER NOT NULL
);

-- The ladder of a movement: rungs from smallest (picture it) to the full act.
CREATE TABLE rungs (
    id              INTEGER PRIMARY KEY,
    movement_id     INTEGER NOT NULL REFERENCES movements(id),
    position        INTEGER NOT NULL,
    text            TEXT    NOT NULL,
    -- Rough size in seconds, as the engine estimates it; NULL when unknown.
    size_seconds    INTEGER CHECK (size_seconds IS NULL OR size_seconds >= 0),
    -- 1 for inside steps (imagine, notice), 0 for outside ones.
    internal        INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- A check-in: energy, mood and room today, all optional, on 0..4 tap scales.
CREATE TABLE check_ins (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    energy          INTEGER CHECK (energy IS NULL OR energy BETWEEN 0 AND 4),
    mood            INTEGER CHECK (mood   IS NULL OR mood   BETWEEN 0 AND 4),
    room            INTEGER CHECK (room   IS NULL OR room   BETWEEN 0 AND 4)
);

-- An offer the engine (or "I have a moment") made.
CREATE TABLE offers (
    id              INTEGER PRIMARY KEY,
    offered_at      TEXT    NOT NULL,
    offered_offset_min INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    value_id        INTEGER REFERENCES personal_values(id),
    movement_id     INTEGER REFERENCES movements(id),
    rung_id         INTEGER REFERENCES rungs(id),
    -- The one-line plain reason shown with the offer.
    reason          TEXT    NOT NULL DEFAULT '',
    -- 'engine' or 'moment' ("I have a moment").
    source          TEXT    NOT NULL DEFAULT 'engine' CHECK (source IN ('engine', 'moment'))
);

-- The person's answer to an offer: at most one row per offer, updated as it goes
-- (Started, later Done), so the times offered -> started -> done stay together.
CREATE TABLE responses (
    id              INTEGER PRIMARY KEY,
    offer_id        INTEGER NOT NULL UNIQUE REFERENCES offers(id),
    kind            TEXT    NOT NULL CHECK (kind IN
                        ('done', 'started', 'not_now', 'smaller_please', 'something_else')),
    responded_at    TEXT    NOT NULL,
    responded_offset_min INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    started_at      TEXT,
    done_at         TEXT,
    dread_before    INTEGER CHECK (dread_before       IS NULL OR dread_before       BETWEEN 0 AND 4),
    satisfaction_after INTEGER CHECK (satisfaction_after IS NULL OR satisfaction_after BETWEEN 0 AND 4)
);

-- An internal shift the person noticed ("I thought about calling without dread"). It counts.
CREATE TABLE internal_shifts (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    value_id        INTEGER REFERENCES personal_values(id),
    movement_id     INTEGER REFERENCES movements(id),
    words           TEXT    NOT NULL
);

-- Treatment sessions (e.g. ketamine-assisted therapy).
CREATE TABLE treatment_sessions (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('iv', 'im', 'intranasal', 'oral_lozenge', 'other')),
    setting         TEXT    NOT NULL CHECK (setting IN ('clinic', 'home')),
    intention       TEXT,
    notes           TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- Journal entries, optionally linked to a session; "to discuss" marks them for the visit.
CREATE TABLE journal_entries (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    session_id      INTEGER REFERENCES treatment_sessions(id),
    prompt          TEXT,
    body            TEXT    NOT NULL,
    to_discuss      INTEGER NOT NULL DEFAULT 0 CHECK (to_discuss IN (0, 1)),
    updated_at      TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- PHQ-9 / GAD-7 answers exactly as given; total and item 9 stored for the visit summary.
CREATE TABLE questionnaire_responses (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    local_date      TEXT    NOT NULL,
    instrument      TEXT    NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
    -- JSON array of item answers, each 0..3.
    answers         TEXT    NOT NULL,
    total           INTEGER NOT NULL,
    -- PHQ-9 only: 1 when item 9 was answered above "not at all".
    item9_positive  INTEGER NOT NULL DEFAULT 0 CHECK (item9_positive IN (0, 1)),
    flagged_for_visit INTEGER NOT NULL DEFAULT 0 CHECK (flagged_for_visit IN (0, 1))
);

-- The personal safety plan (Stanley-Brown), one row. Each section is a JSON array of strings.
CREATE TABLE safety_plan (
    id                          INTEGER PRIMARY KEY CHECK (id = 1),
    warning_signs               TEXT NOT NULL DEFAULT '[]',
    coping_on_my_own            TEXT NOT NULL DEFAULT '[]',
    people_and_places_for_distraction TEXT NOT NULL DEFAULT '[]',
    people_to_ask_for_help      TEXT NOT NULL DEFAULT '[]',
    professionals_and_services  TEXT NOT NULL DEFAULT '[]',
    making_surroundings_safer   TEXT NOT NULL DEFAULT '[]',
    reasons_for_living          TEXT NOT NULL DEFAULT '[]',
    updated_at                  TEXT NOT NULL,
    updated_offset_min          INTEGER NOT NULL
);

-- Crisis contacts: the person's own and regional services (988 in the US by default).
CREATE TABLE crisis_contacts (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    -- 'personal', 'clinic', 'crisis_line' or 'emergency'.
    kind            TEXT    NOT NULL CHECK (kind IN ('personal', 'clinic', 'crisis_line', 'emergency')),
    region          TEXT,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- Settings: key -> JSON value.
CREATE TABLE settings (
    key             TEXT PRIMARY KEY,
    value           TEXT NOT NULL CHECK (json_valid(value)),
    updated_at      TEXT NOT NULL
);

-- Prompts (notifications) sent, and what came of them; the content is never stored here.
CREATE TABLE prompts_sent (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    offset_min      INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    -- NULL until known: 'opened', 'acted', 'dismissed', 'ignored'.
    outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('opened', 'acted', 'dismissed', 'ignored')),
    outcome_at      TEXT
);

-- The engine's learned state (capacity model, readiness hours...): key -> JSON blob.
CREATE TABLE engine_snapshots (
    key             TEXT PRIMARY KEY,
    value           TEXT NOT NULL CHECK (json_valid(value)),
    updated_at      TEXT NOT NULL
);
