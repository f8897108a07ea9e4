package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDataDirTest {

    @TempDir
    Path parent;

    @Test
    void createsTheDataDirAndItsSecretsOwnerOnly() throws Exception {
        Path dataDir = parent.resolve("new").resolve("data");
        try (LocalDataDir opened = LocalDataDir.open(dataDir)) {
            String secret = DemoTokens.secret(null, dataDir);
            DemoTokens.issue(secret).write(dataDir.resolve("tokens.json"));
            LocalRecordKeys.keys(null, dataDir);
        }

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.resolve("jwt-secret"))).isEqualTo("rw-------");
        assertThat(permissions(dataDir.resolve("tokens.json"))).isEqualTo("rw-------");
        assertThat(permissions(dataDir.resolve("record-keys"))).isEqualTo("rw-------");
        assertThat(dataDir.resolve("tokens.json.new")).doesNotExist();
    }

    @Test
    void tightensADataDirAndSecretsOthersCouldRead() throws Exception {
        Path dataDir = Files.createDirectory(
                parent.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path secret = Files.writeString(dataDir.resolve("jwt-secret"), "an old secret of at least thirty-two bytes");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalDataDir opened = LocalDataDir.open(dataDir)) {
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(secret)).isEqualTo("rw-------");
            assertThat(DemoTokens.secret(null, dataDir)).isEqualTo("an old secret of at least thirty-two bytes");
        }
    }

    @Test
    void refusesASecondOpenUntilTheFirstCloses() throws Exception {
        Path dataDir = parent.resolve("held");
        try (LocalDataDir first = LocalDataDir.open(dataDir)) {
            assertThatThrownBy(() -> LocalDataDir.open(dataDir))
                    .isInstanceOf(LocalRunRefused.class)
                    .hasMessageContaining("in use by another running ledger (pid "
                            + ProcessHandle.current().pid());
            assertThatThrownBy(() -> LocalDataDir.wipe(dataDir)).isInstanceOf(LocalRunRefused.class);
        }
        try (LocalDataDir again = LocalDataDir.open(dataDir)) {
            assertThat(again.directory()).isEqualTo(dataDir);
        }
    }

    @Test
    void marksANewDataDirWithItsFormatAndRefusesANewerOne() throws Exception {
        Path dataDir = parent.resolve("marked");
        try (LocalDataDir opened = LocalDataDir.open(dataDir)) {
            assertThat(Files.readString(dataDir.resolve(LocalDataDir.FORMAT_FILE)))
                    .contains("format=" + LocalDataDir.DATA_FORMAT);
        }
        Files.writeString(dataDir.resolve(LocalDataDir.FORMAT_FILE), "format=" + (LocalDataDir.DATA_FORMAT + 1));

        assertThatThrownBy(() -> LocalDataDir.open(dataDir))
                .isInstanceOf(LocalRunRefused.class)
                .hasMessageContaining("written by a newer version");
        try (LocalDataDir afterRefusal = LocalDataDir.open(parent.resolve("other"))) {
            assertThat(afterRefusal.directory()).isEqualTo(parent.resolve("other"));
        }
    }

    @Test
    void wipesEverythingButTheLock() throws Exception {
        Path dataDir = parent.resolve("wiped");
        try (LocalDataDir opened = LocalDataDir.open(dataDir)) {
            Files.createDirectories(dataDir.resolve("postgres").resolve("base"));
            Files.writeString(dataDir.resolve("postgres").resolve("base").resolve("1"), "rows");
        }

        LocalDataDir.wipe(dataDir);

        try (var left = Files.list(dataDir)) {
            assertThat(left).containsExactly(dataDir.resolve(LocalDataDir.LOCK_FILE));
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
