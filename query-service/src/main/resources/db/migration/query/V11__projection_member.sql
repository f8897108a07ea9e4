-- The query-service instances that share this read-model database and are alive: each says so every few seconds, and
-- the projections' segments (one per topic partition) are shared fairly between the live ones.
CREATE TABLE projection_member (
    node_id VARCHAR(255)             PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
