-- One transaction = one single-row INSERT of an event-sized row: ~300 bytes of JSON payload, ~300 bytes of metadata,
-- a fresh event id and aggregate id (as a command that creates an aggregate writes).
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                                payload, meta_data)
VALUES (gen_random_uuid()::text, 'PGB-' || :client_id || '-' || gen_random_uuid()::text, 0, 'BorderMarker',
        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'MarkerCompletionReported',
        convert_to('{"markerId":"B1-MK' || :client_id || '","completedOn":"2014-08-10","surveyedPoint":{"lat":10.42005,"lon":104.48997},"reportingSide":"VN","remark":"' || repeat(md5(random()::text), 6) || '"}', 'UTF8'),
        convert_to('{"submitter":"bench-kg-border-guard","unit":"Kiên Giang Border Guard Command","side":"VN","province":"VN-47","correlationid":"' || gen_random_uuid()::text || '","traceId":"' || md5(random()::text) || '","idempotencykey":"' || repeat(md5(random()::text), 3) || '"}', 'UTF8'));
