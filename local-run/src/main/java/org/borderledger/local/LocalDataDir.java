package org.borderledger.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data dir of one local run: owner-only ({@code 0700}, its secrets {@code 0600}, created with those permissions),
 * held by one running ledger at a time (a lock on {@code local-run.lock}), and marked with the data format that wrote
 * it ({@code data-format}), so that a version that cannot read it refuses it instead of damaging it.
 */
final class LocalDataDir implements AutoCloseable {

    /** The data format this version writes and reads; a data dir marked with a higher one is refused. */
    static final int DATA_FORMAT = 1;

    static final String LOCK_FILE = "local-run.lock";
    static final String FORMAT_FILE = "data-format";

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** Files in the data dir that hold secrets: tightened to {@code 0600} on every start. */
    static final Set<String> SECRETS = Set.of(
            "jwt-secret",
            "record-keys",
            "tokens.json",
            "seal-key.pem",
            "postgres.password",
            LocalDatabases.PASSWORDS_FILE,
            "tokens-not-before");

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LocalDataDir(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the data dir owner-only (or tightens it), takes its lock, checks its data format and tightens its
     * secrets. Refuses a data dir another running ledger holds, or one written by a newer, incompatible version.
     */
    static LocalDataDir open(Path directory) throws IOException {
        ownerOnlyDirectory(directory);
        LocalDataDir dataDir = lock(directory);
        try {
            dataDir.checkFormat();
            for (String secret : SECRETS) {
                tighten(directory.resolve(secret), OWNER_ONLY_FILE);
            }
            return dataDir;
        } catch (RuntimeException | IOException e) {
            dataDir.close();
            throw e;
        }
    }

    /**
     * Deletes everything in the data dir but its lock, while holding the lock: a data dir another running ledger
     * holds is refused, not wiped.
     */
    static void wipe(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (LocalDataDir held = lock(directory);
                Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                if (!entry.equals(directory) && !entry.equals(directory.resolve(LOCK_FILE))) {
                    Files.delete(entry);
                }
            }
        }
    }

    Path directory() {
        return directory;
    }

    /** Writes {@code content} to {@code file} in one step: a new owner-only file, then moved over the old one. */
    static void writeSecret(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        createOwnerOnlyFile(temporary);
        Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates a new file readable and writable by its owner only, with no moment in which others could open it. */
    static void createOwnerOnlyFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            tighten(directory, OWNER_ONLY_DIRECTORY);
            return;
        }
        if (directory.getParent() != null) {
            Files.createDirectories(directory.getParent());
        }
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(directory, ownerOnly);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            tighten(directory, OWNER_ONLY_DIRECTORY);
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && Files.exists(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static LocalDataDir lock(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            try {
                createOwnerOnlyFile(lockFile);
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another run created it: tryLock decides
            }
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new LocalRunRefused("The data directory " + directory + " is in use by another running ledger"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + ": stop it, or set LEDGER_DATA_DIR to another directory");
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        return new LocalDataDir(directory, channel, lock);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Refuses a data dir written by a newer data format; marks an unmarked one with this version's format. */
    private void checkFormat() throws IOException {
        Path file = directory.resolve(FORMAT_FILE);
        if (!Files.exists(file)) {
            Properties marker = new Properties();
            marker.setProperty("format", String.valueOf(DATA_FORMAT));
            marker.setProperty("writtenBy", LocalLedger.version());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                marker.store(out, "the data format of this local run's data directory; do not edit");
            }
            return;
        }
        Properties marker = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            marker.load(in);
        }
        String format = marker.getProperty("format", "").strip();
        int written;
        try {
            written = Integer.parseInt(format);
        } catch (NumberFormatException e) {
            throw new LocalRunRefused(file + " does not name a data format ('" + format
                    + "'): this is not a data directory of the ledger's local run; set LEDGER_DATA_DIR to another one");
        }
        if (written > DATA_FORMAT) {
            throw new LocalRunRefused("The data directory " + directory + " was written by a newer version ("
                    + marker.getProperty("writtenBy", "unknown") + ", data format " + written + ") than this one ("
                    + LocalLedger.version() + ", data format " + DATA_FORMAT
                    + "): run that version, or set LEDGER_DATA_DIR to another directory");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // closing the channel releases the lock; the process's exit does too
        }
    }
}
