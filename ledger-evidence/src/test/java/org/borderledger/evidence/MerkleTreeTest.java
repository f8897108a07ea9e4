package org.borderledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against the roots of the Certificate Transparency reference test data (the eight leaves of RFC 6962's
 * reference implementation, google/certificate-transparency {@code merkle_tree_test.cc}), against a reference written
 * here from RFC 9162 section 2.1's recursive definitions, and its proofs against tampering.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsAreThoseOfTheCertificateTransparencyTestData() {
        List<byte[]> hashes = CT_LEAVES.stream().map(MerkleTree::leafHash).toList();
        for (int n = 1; n <= 8; n++) {
            assertThat(MerkleTree.hex(MerkleTree.root(hashes.subList(0, n))))
                    .as("root of %d leaves", n)
                    .isEqualTo(CT_ROOTS.get(n - 1));
        }
        assertThat(MerkleTree.hex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsInclusionAndConsistencyProofsAgreeWithTheRecursiveDefinitionForEveryTreeUpTo33Leaves() {
        List<byte[]> leaves = leaves(33);
        for (int n = 1; n <= leaves.size(); n++) {
            List<byte[]> tree = leaves.subList(0, n);
            byte[] root = mth(tree);
            assertThat(MerkleTree.root(tree)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(tree, m);
                assertThat(hex(path)).as("PATH(%d, D[%d])", m, n).isEqualTo(hex(path(m, tree)));
                assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), path, root))
                        .as("inclusion of %d in %d", m, n)
                        .isTrue();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(tree, m);
                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hex(proof(m, tree)));
                assertThat(MerkleTree.verifyConsistency(m, n, mth(tree.subList(0, m)), root, proof))
                        .as("consistency of %d with %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void aProofForAnotherLeafOrAnotherTreeFails() {
        List<byte[]> leaves = leaves(13);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.inclusionProof(leaves, 5);

        assertThat(MerkleTree.verifyInclusion(5, 13, leaves.get(6), path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(6, 13, leaves.get(5), path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 13, leaves.get(5), path.subList(0, path.size() - 1), root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(13, 13, leaves.get(5), path, root))
                .isFalse();

        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(2, MerkleTree.leafHash(new byte[] {42}));
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, 7);
        assertThat(MerkleTree.verifyConsistency(7, 13, MerkleTree.root(leaves.subList(0, 7)), root, proof))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(7, 13, MerkleTree.root(forked.subList(0, 7)), root, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(
                        7, 13, MerkleTree.root(leaves.subList(0, 7)), MerkleTree.root(forked), proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 13, MerkleTree.root(leaves.subList(0, 7)), root, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(7, 13, MerkleTree.root(leaves.subList(0, 7)), root, List.of()))
                .isFalse();
    }

    @Test
    void theFrontierGivesTheRootOfEveryPrefixAndSurvivesItsHexForm() {
        List<byte[]> leaves = leaves(40);
        MerkleTree.Frontier frontier = MerkleTree.Frontier.EMPTY;
        for (int n = 1; n <= leaves.size(); n++) {
            frontier = frontier.append(leaves.get(n - 1));
            assertThat(frontier.root()).as("root of %d", n).isEqualTo(mth(leaves.subList(0, n)));
            frontier = MerkleTree.Frontier.of(frontier.size(), frontier.hex());
        }
    }

    @Test
    void anEventsLeafIsItsPositionBigEndianThenItsHashBytes() {
        String hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        assertThat(HEX.formatHex(MerkleTree.leafInput(258, hash))).isEqualTo("0000000000000102" + hash);
        assertThat(MerkleTree.leafHash(258, hash)).isEqualTo(sha256(HEX.parseHex("00" + "0000000000000102" + hash)));
    }

    @Test
    void anEventWithoutAWellFormedHashStillGetsALeafPinningItsText() {
        String hash = "ab".repeat(32);
        assertThat(MerkleTree.eventLeaf(7, hash)).isEqualTo(MerkleTree.leafHash(7, hash));
        assertThat(MerkleTree.eventLeaf(7, null)).isEqualTo(MerkleTree.leafHash(7, HEX.formatHex(sha256(new byte[0]))));
        assertThat(MerkleTree.eventLeaf(7, "AB".repeat(32)))
                .isEqualTo(MerkleTree.leafHash(
                        7, HEX.formatHex(sha256("AB".repeat(32).getBytes()))));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(sha256(HEX.parseHex("00" + String.format("%02x", i))));
        }
        return leaves;
    }

    // RFC 9162 section 2.1.1, 2.1.3.1 and 2.1.4.1, transcribed: lists are sliced, k is the largest power of 2 < n

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        if (n == 1) {
            return List.of();
        }
        int k = k(n);
        List<byte[]> result = new ArrayList<>();
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        if (m == n) {
            return b ? List.of() : List.of(mth(d));
        }
        int k = k(n);
        List<byte[]> result = new ArrayList<>();
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
