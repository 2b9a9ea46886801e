-- Issue 21: an instance says it is alive in one row of its own at every pad heartbeat, instead of stamping each of
-- its pad streams: with 5,000 pads connected that was 5,000 row versions written every 15 s per instance (WAL beside
-- every case's commit, and dead rows for vacuum). A stream counts while its instance's row is fresh; a stream of an
-- instance with no row here (one still on the earlier version, during a rolling upgrade) by its own seen_at, as before.
CREATE TABLE pad_instances (
    instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
    seen_at BIGINT NOT NULL
);
