package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./run-local.sh} refuses, in one line and before it builds anything, a machine without a JDK 17 or newer. */
class RunLocalScriptTest {

    static final Path SCRIPT = Path.of("..", "run-local.sh").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    @Test
    void refusesAJavaOlderThan17() throws Exception {
        executable(
                "java",
                "#!/bin/sh\necho '    java.specification.version = 11' >&2\necho 'openjdk version \"11.0.22\"' >&2\n");
        link("dirname");
        link("awk");

        Result result = run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("Java 17 or newer")
                .contains("11");
    }

    @Test
    void refusesAMachineWithoutJava() throws Exception {
        link("dirname");

        Result result = run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString().contains("JDK 17 or newer");
    }

    private record Result(int exit, String err) {}

    private Result run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString());
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), err);
    }

    private void executable(String name, String content) throws IOException {
        Path file = Files.writeString(bin.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void link(String tool) throws IOException {
        for (String directory : new String[] {"/usr/bin", "/bin"}) {
            Path path = Path.of(directory, tool);
            if (Files.isExecutable(path)) {
                executable(tool, "#!/bin/sh\nexec " + path + " \"$@\"\n");
                return;
            }
        }
        throw new IllegalStateException(tool + " is not in /usr/bin or /bin");
    }
}
