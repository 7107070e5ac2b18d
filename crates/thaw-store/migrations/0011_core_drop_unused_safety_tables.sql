-- Version 11 (thaw-core, issue 13): one home for the safety plan and crisis contacts.
--
-- The plan and the person's own contacts live as one JSON setting (`safety_plan`), read and
-- written whole by thaw-core's `clinical.rs`: a small document edited as one, that no query
-- needs the parts of. These two tables were never written by any version of the app, so
-- they hold nothing; dropping them leaves one place a reader could look.
DROP TABLE IF EXISTS crisis_contacts;
DROP TABLE IF EXISTS safety_plan;
