package org.borderledger.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs of this platform, from the archive zonky's binaries artifact carries, unpacked once into
 * {@code java.io.tmpdir/border-ledger-postgres-<digest of the archive>} (readable by every user, since the server may
 * run as another user than this JVM). An unpacking that fails half way leaves nothing behind: it happens in a
 * directory of its own that is moved into place when complete.
 */
final class PostgresBinaries {

    private PostgresBinaries() {}

    static synchronized Path prepare() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
            archive = in.readAllBytes();
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "border-ledger-postgres-" + digest(archive));
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        Path unpacking = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking");
        try {
            unpack(archive, unpacking);
            readableByAll(unpacking);
            try {
                Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(unpacking, target);
            }
        } catch (IOException e) {
            if (!Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
                throw e;
            }
            // another JVM unpacked the same archive first
        } finally {
            Secrets.deleteTree(unpacking);
        }
        return target;
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("The PostgreSQL archive names a path outside itself: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0111) != 0 && posix()) {
                        Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(path));
                        permissions.add(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(path, permissions);
                    }
                }
            }
        }
    }

    /** Everyone may read and run the programs (the server may run as another user); only the owner may change them. */
    private static void readableByAll(Path directory) throws IOException {
        if (!posix()) {
            return;
        }
        try (var entries = Files.walk(directory)) {
            for (Path entry : entries.toList()) {
                if (Files.isSymbolicLink(entry)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(entry));
                permissions.add(PosixFilePermission.OWNER_READ);
                permissions.add(PosixFilePermission.GROUP_READ);
                permissions.add(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(entry) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    permissions.add(PosixFilePermission.GROUP_EXECUTE);
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                permissions.remove(PosixFilePermission.GROUP_WRITE);
                permissions.remove(PosixFilePermission.OTHERS_WRITE);
                Files.setPosixFilePermissions(entry, permissions);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The platform names the binaries artifacts use: Linux, Darwin or Windows. */
    private static String system() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows")) {
            return "Windows";
        }
        if (os.startsWith("Mac")) {
            return "Darwin";
        }
        return "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
