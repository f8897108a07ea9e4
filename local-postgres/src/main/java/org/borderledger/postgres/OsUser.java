package org.borderledger.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system user PostgreSQL runs as: this JVM's own user, or, when the JVM runs as root (which PostgreSQL
 * refuses, and which would let the server write root's files), an unprivileged user ({@code LEDGER_POSTGRES_OS_USER},
 * default {@code nobody}) that the programs are switched to with {@code setpriv} and that owns the data directory.
 */
final class OsUser {

    static final String VARIABLE = "LEDGER_POSTGRES_OS_USER";

    private final String name;
    private final int uid;
    private final int gid;
    private final boolean switched;

    private OsUser(String name, int uid, int gid, boolean switched) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.switched = switched;
    }

    /** Who runs the server here; refuses, saying how to run instead, when root cannot hand it to another user. */
    static OsUser forServer() {
        if (currentUid() != 0) {
            return new OsUser(System.getProperty("user.name"), -1, -1, false);
        }
        String name = System.getenv().getOrDefault(VARIABLE, "").isBlank()
                ? "nobody"
                : System.getenv(VARIABLE).strip();
        String advice = " Run as an ordinary user instead, or set " + VARIABLE
                + " to an unprivileged user that exists, or point the services at another PostgreSQL"
                + " (LEDGER_COMMAND_DB_URL, LEDGER_QUERY_DB_URL).";
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            throw new IllegalStateException("PostgreSQL does not run as root, and this JVM runs as root." + advice);
        }
        if (onPath("setpriv") == null) {
            throw new IllegalStateException("PostgreSQL does not run as root; as root it is started as user " + name
                    + " through setpriv (util-linux), which this system lacks." + advice);
        }
        int uid = id(name, "-u", advice);
        int gid = id(name, "-g", advice);
        if (uid == 0 || gid == 0) {
            throw new IllegalStateException(VARIABLE + " names " + name + ", which is root." + advice);
        }
        return new OsUser(name, uid, gid, true);
    }

    /** The command, run as this user. */
    List<String> wrap(List<String> command) {
        if (!switched) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(
                List.of(onPath("setpriv").toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes this user the owner of {@code path} and everything under it. */
    void own(Path path) throws IOException {
        if (!switched || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : entries.toList()) {
                if (((Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS)) != uid) {
                    Files.setAttribute(entry, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                }
                if (((Integer) Files.getAttribute(entry, "unix:gid", LinkOption.NOFOLLOW_LINKS)) != gid) {
                    Files.setAttribute(entry, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * Makes sure this user can reach {@code target} through its parent directories. A parent this JVM (root) owns that
     * keeps others out lets this user's group pass through ({@code g+x}, no listing, nothing more) when it is the
     * nearest one (the local run's owner-only data dir) or lies under {@code java.io.tmpdir} (a test's temporary
     * directory); any other directory in the way is refused, with the advice to choose another place.
     */
    void checkCanReach(Path target) throws IOException {
        if (!switched) {
            return;
        }
        Path nearest = target.toAbsolutePath().getParent();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path directory = nearest; directory != null; directory = directory.getParent()) {
            if (!Files.exists(directory) || searchable(directory)) {
                continue;
            }
            boolean ours =
                    directory.equals(nearest) || (directory.startsWith(temporary) && !directory.equals(temporary));
            if (ours && ((Integer) Files.getAttribute(directory, "unix:uid")) == 0) {
                int mode = (Integer) Files.getAttribute(directory, "unix:mode");
                Files.setAttribute(directory, "unix:gid", gid);
                Files.setAttribute(directory, "unix:mode", (mode & 07777) | 0010);
                continue;
            }
            throw new IllegalStateException("PostgreSQL runs as user " + name + " (this JVM runs as root), and "
                    + directory + " does not let that user pass through to " + target + ": set LEDGER_DATA_DIR to a"
                    + " directory whose parents others may pass through (e.g. LEDGER_DATA_DIR=/var/tmp/ledger-data),"
                    + " or run as an ordinary user");
        }
    }

    String describe() {
        return switched ? "user " + name + " (uid " + uid + ", switched from root)" : "user " + name;
    }

    private boolean searchable(Path directory) throws IOException {
        int mode = (Integer) Files.getAttribute(directory, "unix:mode");
        int owner = (Integer) Files.getAttribute(directory, "unix:uid");
        int group = (Integer) Files.getAttribute(directory, "unix:gid");
        if (owner == uid) {
            return (mode & 0100) != 0;
        }
        if (group == gid) {
            return (mode & 0010) != 0;
        }
        return (mode & 0001) != 0;
    }

    /** This process's effective uid: the owner of {@code /proc/self}; on systems without it, 0 only for "root". */
    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    private static int id(String name, String option, String advice) {
        try {
            Process id = new ProcessBuilder(onPath("id").toString(), option, name)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (id.waitFor(30, TimeUnit.SECONDS) && id.exitValue() == 0) {
                return Integer.parseInt(out);
            }
        } catch (IOException | NumberFormatException | NullPointerException e) {
            // refused below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("PostgreSQL does not run as root; as root it is started as user " + name
                + ", which this system does not have." + advice);
    }

    private static Path onPath(String program) {
        for (String directory :
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String directory : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
