-- Seals are signed (Ed25519, key outside the database): the id of the key and the signature over the seal's canonical
-- statement (org.borderledger.evidence.SealSignatures). Null for seals written before signing.
ALTER TABLE event_seal ADD COLUMN key_id VARCHAR(64);
ALTER TABLE event_seal ADD COLUMN signature VARCHAR(128);

ALTER TABLE verified_seal ADD COLUMN key_id VARCHAR(64);
ALTER TABLE verified_seal ADD COLUMN signature VARCHAR(128);
