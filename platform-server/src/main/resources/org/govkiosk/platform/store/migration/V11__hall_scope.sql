-- A case's hall (issue: trust boundaries). The hall a case belongs to is the hall of the terminal that filed it,
-- fixed when it is filed; with the hall on the row the clerks' list filters in the database (cases_by_hall)
-- instead of reading every hall's cases. Back-filled from the filing terminal's hall; NULL only for a case whose
-- terminal is not registered, which the platform never lets happen (such a case is no hall's, seen by the machine
-- token only).
ALTER TABLE cases ADD COLUMN hall_code VARCHAR(64);
UPDATE cases SET hall_code = (SELECT t.hall_code FROM terminals t WHERE t.terminal_id = cases.terminal_id);
CREATE INDEX cases_by_hall ON cases (hall_code, training, state, received_at);

-- The hall an e-licence code was made in (the staff member's hall); NULL for a code the machine token made for no
-- hall, which verifies at any terminal. A code of a hall verifies at that hall's terminals only.
ALTER TABLE licence_codes ADD COLUMN hall_code VARCHAR(64);

-- A certificate handed out at a window (综合出证窗口, or posted from it) by a clerk at the desk is an issuance as a
-- terminal's is: no terminal then, but the window and the clerk who issued it.
ALTER TABLE case_issuances ALTER COLUMN terminal_id DROP NOT NULL;
ALTER TABLE case_issuances ADD COLUMN window_id VARCHAR(64);
ALTER TABLE case_issuances ADD COLUMN issued_by VARCHAR(100);

-- The fleet page's own sessions were replaced by staff sessions (staff_sessions, V8): nothing reads or writes
-- revoked_sessions any more.
DROP TABLE IF EXISTS revoked_sessions;
