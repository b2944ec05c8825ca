-- The wait the kiosk promised when the ticket was issued (ticket.issued's estimate), in minutes; null
-- when no counter was open or the hub predates estimates. Reports show |promise − actual wait|.
ALTER TABLE tickets ADD COLUMN eta_minutes DOUBLE PRECISION;
