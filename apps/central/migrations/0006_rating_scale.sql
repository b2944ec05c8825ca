-- The satisfaction method (docs/satisfaction-method.md): each rating keeps its raw answer and the scale it was
-- given on. Ratings stored before have four levels and no scale: they become legacyFour with their score as the
-- answer, so "Bình thường" still counts as not satisfied and past indexes do not change.
ALTER TABLE ratings RENAME COLUMN score TO answer;
ALTER TABLE ratings ADD COLUMN scale TEXT NOT NULL DEFAULT 'legacyFour';
ALTER TABLE ratings ADD COLUMN reason_text TEXT NOT NULL DEFAULT '';
