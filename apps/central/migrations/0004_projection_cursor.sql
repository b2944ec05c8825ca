-- Projections run behind ingest: a batch is acknowledged once its events are stored and its chain checked,
-- and the projector folds stored events into the report tables afterwards, recording how far it got in the
-- same transaction as the rows it writes (so a crash between the two never loses or doubles a projection).
CREATE TABLE stream_projections (
  office_id TEXT NOT NULL,
  hub_id TEXT NOT NULL,
  projected_seq BIGINT NOT NULL,
  PRIMARY KEY (office_id, hub_id)
);

-- Streams stored before this migration were projected with each batch, up to their head.
INSERT INTO stream_projections (office_id, hub_id, projected_seq) SELECT office_id, hub_id, last_seq FROM office_streams;
