-- Seals carry the root of the RFC 9162 Merkle tree over the events they cover, in sealing order (contract/evidence.md
-- section 5), signed with the rest (seal statement v2), and the tree's right edge (its perfect subtrees' roots, largest
-- first, lowercase hex, comma-separated; org.borderledger.evidence.MerkleTree.Frontier) so that the next seal extends
-- the tree without reading the earlier events again. Null for seals made before seals carried a root: those verify by
-- their chain.
ALTER TABLE event_seal ADD COLUMN merkle_root TEXT;
ALTER TABLE event_seal ADD COLUMN merkle_frontier TEXT;

ALTER TABLE verified_seal ADD COLUMN merkle_root TEXT;
