-- 培训模式: a case filed by a terminal in training mode is a practice case, kept apart from the real ones: the
-- clerks' work list shows it only when asked (training=true), it gets no SMS notice, no rating link and no rating
-- invitation, and its result paper is marked as a specimen and never signed. Old cases are real.
ALTER TABLE cases ADD COLUMN training BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX cases_by_training ON cases (training, received_at);
