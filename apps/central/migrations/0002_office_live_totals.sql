-- The dashboard's per-office totals for the office's current service day, kept by the projector with
-- each batch, so the overview of every office reads one row per office instead of counting the
-- day's tickets and ratings of all offices on every refresh.
ALTER TABLE office_live ADD COLUMN issued_today INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_live ADD COLUMN served_today INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_live ADD COLUMN ratings_today INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office_live ADD COLUMN satisfied_today INTEGER NOT NULL DEFAULT 0;

-- Rows written before this migration: count once from the report tables (satisfied = core's SATISFIED_SCORES).
UPDATE office_live l SET
  issued_today = (SELECT COUNT(*) FROM tickets t WHERE t.office_id = l.office_id AND t.service_day = l.service_day),
  served_today = (SELECT COUNT(*) FROM tickets t
    WHERE t.office_id = l.office_id AND t.service_day = l.service_day AND t.status = 'finished'),
  ratings_today = (SELECT COUNT(*) FROM ratings r WHERE r.office_id = l.office_id AND r.service_day = l.service_day),
  satisfied_today = (SELECT COUNT(*) FROM ratings r
    WHERE r.office_id = l.office_id AND r.service_day = l.service_day AND r.score IN ('verySatisfied', 'satisfied'));
