package org.borderledger.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree over the sealed events, built as RFC 9162 (Certificate Transparency 2.0) section 2.1 builds it: the
 * leaves are the events in sealing order (ascending position, the order of the seal chain), leaf {@code i} being the
 * {@code i}-th sealed event; a leaf's input is the event's position as 8 bytes big-endian followed by the 32 bytes of
 * its hash; a leaf hash is {@code SHA-256(0x00 || input)}, an inner node {@code SHA-256(0x01 || left || right)}, and a
 * tree of {@code n > 1} leaves splits at the largest power of two below {@code n}. A seal's {@code merkleRoot} is the
 * root over its {@code eventsSealed} leaves.
 *
 * <p>Inclusion proofs ({@code PATH}, section 2.1.3) and consistency proofs ({@code PROOF}, section 2.1.4) and their
 * verification follow the RFC's algorithms. All hashes are raw 32-byte values here; {@link #hex} and {@link #bytes}
 * convert.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {}

    /** The leaf input of the event at {@code position} with the (lowercase hex) {@code eventHash}. */
    public static byte[] leafInput(long position, String eventHash) {
        byte[] hash = bytes(eventHash);
        return ByteBuffer.allocate(Long.BYTES + hash.length)
                .putLong(position)
                .put(hash)
                .array();
    }

    /** {@code SHA-256(0x00 || input)}. */
    public static byte[] leafHash(byte[] input) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(LEAF);
        return sha256.digest(input);
    }

    /** The leaf hash of the event at {@code position} with {@code eventHash}. */
    public static byte[] leafHash(long position, String eventHash) {
        return leafHash(leafInput(position, eventHash));
    }

    /**
     * The leaf hash of a stored event by its stored hash as it is: a hash that is not 64 lowercase hex digits (none, or
     * a damaged one, which every verifier rejects by itself) enters as the SHA-256 of its text, so that sealing goes on
     * over a damaged row and the seal still pins what the row holds.
     */
    public static byte[] eventLeaf(long position, String storedHash) {
        if (storedHash != null && storedHash.length() == 64 && storedHash.matches("[0-9a-f]+")) {
            return leafHash(position, storedHash);
        }
        return leafHash(position, Sha256.hex((storedHash == null ? "" : storedHash).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(NODE);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** {@code MTH(D[n])} over the given leaf hashes; the hash of no bytes for no leaves. */
    public static byte[] root(List<byte[]> leaves) {
        return root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return Sha256.digest().digest();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** {@code PATH(m, D[n])}: the audit path of leaf {@code index} in the tree over {@code leaves}, leaf side first. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("No leaf " + index + " in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, path);
            path.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** {@code PROOF(m, D[n])}: that the tree over the first {@code m} of {@code leaves} is a prefix of the whole. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m) {
        if (m < 1 || m > leaves.size()) {
            throw new IllegalArgumentException("No consistency proof from " + m + " to " + leaves.size() + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leaves, m, 0, leaves.size(), true, proof);
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(root(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: whether {@code path} proves leaf {@code index} of a tree of {@code size} has root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of {@code secondSize} leaves with
     * {@code secondRoot} extends the one of {@code firstSize} leaves with {@code firstRoot}.
     */
    public static boolean verifyConsistency(
            long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (firstSize < 1 || firstSize > secondSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstRoot);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /**
     * The right edge of a tree that grows leaf by leaf: the roots of its perfect subtrees, largest first, at most one
     * per bit of its size. The sealing process keeps one to extend the root by the events of each new seal without
     * reading the earlier ones again.
     */
    public record Frontier(long size, List<byte[]> subtrees) {

        public static final Frontier EMPTY = new Frontier(0, List.of());

        public Frontier {
            subtrees = List.copyOf(subtrees);
        }

        /** The frontier with one more leaf. */
        public Frontier append(byte[] leafHash) {
            List<byte[]> next = new ArrayList<>(subtrees);
            byte[] carry = leafHash;
            for (long s = size; (s & 1) == 1; s >>= 1) {
                carry = nodeHash(next.remove(next.size() - 1), carry);
            }
            next.add(carry);
            return new Frontier(size + 1, next);
        }

        /** The tree's root: {@code MTH} of every leaf appended. */
        public byte[] root() {
            if (subtrees.isEmpty()) {
                return Sha256.digest().digest();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i), root);
            }
            return root;
        }

        /** The subtree roots as lowercase hex, for storing beside a seal. */
        public List<String> hex() {
            return subtrees.stream().map(MerkleTree::hex).toList();
        }

        public static Frontier of(long size, List<String> hex) {
            if (Long.bitCount(size) != hex.size()) {
                throw new IllegalArgumentException("A frontier of " + size + " leaves has " + Long.bitCount(size)
                        + " subtrees, not " + hex.size());
            }
            return new Frontier(size, hex.stream().map(MerkleTree::bytes).toList());
        }
    }

    /** The largest power of two smaller than {@code n} ({@code n > 1}). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The bytes of lowercase hex; an {@link IllegalArgumentException} for anything else. */
    public static byte[] bytes(String hex) {
        if (hex == null || !hex.matches("([0-9a-f]{2})*")) {
            throw new IllegalArgumentException("Not lowercase hex: " + hex);
        }
        return HexFormat.of().parseHex(hex);
    }
}
