package org.borderledger.command.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.borderledger.command.audit.EventLogRepository;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;
import org.borderledger.evidence.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The service's sealing and proofs, run over the events of {@code contract/vectors}: with the vectors' test key B and
 * their seal times, the seal processor writes the vectors' seals at 6 and 8 byte for byte (chain, Merkle root, Ed25519
 * signature), continuing from a seal without a root as a store sealed before roots existed does; and the proof
 * endpoints answer the vectors' inclusion and consistency proofs.
 */
class SealEvidenceVectorsTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");

    private final Map<Long, JsonNode> events = new TreeMap<>();
    private final Map<Long, Seal> seals = new TreeMap<>();
    private KeyPair keyB;

    @BeforeEach
    void readVectors() throws Exception {
        for (String text : Files.readAllLines(VECTORS.resolve("export.ndjson"), UTF_8)) {
            JsonNode line = json.readTree(text);
            if (line.has("seal")) {
                Seal seal = EvidenceJson.readSeal(line);
                seals.put(seal.position(), seal);
            } else if (!line.has("end")) {
                events.put(line.get("position").asLong(), line);
            }
        }
        keyB = SealSignatures.readPrivateKey(Files.readString(VECTORS.resolve("keys/test-key-b.pem")));
    }

    @Test
    void theSealProcessorSignsTheVectorsSealsWithTheirMerkleRoots() {
        EventSealRepository repository = mock(EventSealRepository.class);
        Seal withoutRoot = seals.get(3L);
        when(repository.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(withoutRoot, null)));
        when(repository.treeUpTo(3)).thenReturn(tree(MerkleTree.Frontier.EMPTY, 3));
        when(repository.eventsBetween(3, 6)).thenReturn(sealables(3, 6));

        Seal sixth = seals.get(6L);
        sealer(repository, sixth).sealUpTo(6);

        ArgumentCaptor<Seal> inserted = ArgumentCaptor.forClass(Seal.class);
        ArgumentCaptor<MerkleTree.Frontier> edge = ArgumentCaptor.forClass(MerkleTree.Frontier.class);
        verify(repository).insert(inserted.capture(), edge.capture());
        assertThat(inserted.getValue()).isEqualTo(sixth);

        EventSealRepository next = mock(EventSealRepository.class);
        when(next.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(sixth, edge.getValue())));
        when(next.eventsBetween(6, 8)).thenReturn(sealables(6, 8));
        Seal eighth = seals.get(8L);

        sealer(next, eighth).sealUpTo(8);

        verify(next).insert(eq(eighth), any());
    }

    @Test
    void theProofEndpointsAnswerTheVectorsProofs() throws Exception {
        EventLogRepository log = mock(EventLogRepository.class);
        EventSealRepository repository = mock(EventSealRepository.class);
        when(log.at(5)).thenReturn(Optional.of(stored(events.get(5L))));
        when(repository.at(6)).thenReturn(Optional.of(seals.get(6L)));
        when(repository.at(8)).thenReturn(Optional.of(seals.get(8L)));
        when(log.leaves(eq(8L), eq(5L), anyInt())).thenReturn(leaves(8, 5));
        when(log.leaves(eq(8L), eq(6L), anyInt())).thenReturn(leaves(8, 6));
        EvidenceProofs proofs = new EvidenceProofs(log, repository, json, 100, Duration.ofSeconds(1));

        assertThat(compact(proofs.inclusion(5, 8L))).isEqualTo(vector("proofs/inclusion.json"));
        assertThat(compact(proofs.consistency(8, 6))).isEqualTo(vector("proofs/consistency.json"));
    }

    /** The vector's JSON text without its whitespace: numbers as JSON has them, whatever node type read them. */
    private static String vector(String file) throws Exception {
        return compact(json.readTree(VECTORS.resolve(file).toFile()));
    }

    private static String compact(JsonNode node) throws Exception {
        return json.writeValueAsString(node);
    }

    private AuditSeal sealer(EventSealRepository repository, Seal at) {
        SealKeys keys = mock(SealKeys.class);
        when(keys.signing()).thenReturn(keyB);
        return new AuditSeal(repository, keys, Clock.fixed(at.sealedAt(), ZoneOffset.UTC), Duration.ofSeconds(60));
    }

    private List<EventSealRepository.Sealable> sealables(long after, long upTo) {
        return events.values().stream()
                .filter(line -> line.get("position").asLong() > after
                        && line.get("position").asLong() <= upTo)
                .map(line -> new EventSealRepository.Sealable(
                        line.get("position").asLong(),
                        line.get("recordedAt").asText(),
                        line.get("metadata").get("hash").asText()))
                .toList();
    }

    private MerkleTree.Frontier tree(MerkleTree.Frontier from, long upTo) {
        MerkleTree.Frontier tree = from;
        for (EventSealRepository.Sealable event : sealables(0, upTo)) {
            tree = tree.append(MerkleTree.eventLeaf(event.position(), event.hash()));
        }
        return tree;
    }

    private EventLogRepository.Leaves leaves(long upTo, long position) {
        List<byte[]> hashes = new ArrayList<>();
        int index = -1;
        for (EventSealRepository.Sealable event : sealables(0, upTo)) {
            if (event.position() == position) {
                index = hashes.size();
            }
            hashes.add(MerkleTree.eventLeaf(event.position(), event.hash()));
        }
        return new EventLogRepository.Leaves(hashes, index);
    }

    private static StoredEvent stored(JsonNode line) throws Exception {
        return new StoredEvent(
                line.get("position").asLong(),
                line.get("eventId").asText(),
                line.get("aggregateId").asText(),
                line.get("aggregateType").asText(),
                line.get("sequenceNumber").asLong(),
                line.get("recordedAt").asText(),
                line.get("eventType").asText(),
                null,
                json.writeValueAsBytes(line.get("payload")),
                json.writeValueAsBytes(line.get("metadata")));
    }
}
