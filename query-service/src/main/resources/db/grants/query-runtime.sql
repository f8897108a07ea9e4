-- The query service's runtime role: the read models are disposable, so it may change every table (a replay empties
-- them); a consistency check creates its shadow schema with the database's CREATE right. Flyway's history is the
-- owner's alone.
GRANT USAGE ON SCHEMA public TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO ${role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${role};
