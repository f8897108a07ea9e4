-- The command service's runtime role: it reads and appends events but never changes or removes one; the seal's
-- checkpoints are append-only too. Tokens, idempotency keys and snapshots it may change. Flyway's history is the
-- owner's alone.
GRANT USAGE ON SCHEMA public TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM ${role};
REVOKE UPDATE, DELETE, TRUNCATE ON event_seal FROM ${role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${role};
