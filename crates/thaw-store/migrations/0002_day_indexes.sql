-- Version 2: indexes for the two queries the app runs most.
-- Today: "this local day's check-ins, offers and responses"; Progress: "responses and shifts
-- between two local dates". Without these both scan whole tables, which after years of
-- daily use (tens of thousands of offers) is the difference between instant and noticeable.
CREATE INDEX check_ins_by_day        ON check_ins (local_date, at);
CREATE INDEX offers_by_day           ON offers (local_date, offered_at);
CREATE INDEX responses_by_day        ON responses (local_date, kind);
CREATE INDEX internal_shifts_by_day  ON internal_shifts (local_date);
CREATE INDEX journal_by_day          ON journal_entries (local_date);
CREATE INDEX journal_to_discuss      ON journal_entries (to_discuss) WHERE to_discuss = 1;
CREATE INDEX questionnaires_by_day   ON questionnaire_responses (instrument, local_date);
CREATE INDEX rungs_by_movement       ON rungs (movement_id, position);
CREATE INDEX prompts_sent_by_time    ON prompts_sent (at);
