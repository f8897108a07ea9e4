package org.borderledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar border-ledger-local.jar} with options, for the runs that end by themselves ({@code --help}, a
 * refused start): its exit code and what it printed on each stream.
 */
final class LocalRunCommand {

    /** How a run ended and what it printed. */
    record Result(int exit, String out, String err) {

        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private LocalRunCommand() {}

    static Result run(LocalSettings settings, Map<String, String> moreEnvironment, String... args) {
        if (!Files.exists(LocalRunProcess.JAR)) {
            throw new IllegalStateException(
                    LocalRunProcess.JAR.toAbsolutePath() + " is missing: run the tests with ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-jar",
                LocalRunProcess.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        LocalRunProcess.environment(builder.environment(), settings);
        builder.environment().putAll(moreEnvironment);
        try {
            Path out = Files.createTempFile("local-run-out", ".txt");
            Path err = Files.createTempFile("local-run-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("java -jar " + String.join(" ", args) + " did not end: "
                        + Files.readString(out) + Files.readString(err));
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
