package org.borderledger.verify.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed vectors under {@code contract/vectors} are exactly what {@link VectorGenerator} writes with the
 * evidence library, so the library and the vectors cannot drift apart. {@code -Dvectors.write=true} rewrites them.
 */
class VectorFilesTest {

    static final Path VECTORS = Path.of("..", "contract", "vectors");

    @TempDir
    Path generated;

    @Test
    void theCommittedVectorsAreWhatTheLibraryWrites() throws IOException {
        if (Boolean.getBoolean("vectors.write")) {
            new VectorGenerator().write(VECTORS);
        }
        new VectorGenerator().write(generated);
        List<Path> files = files(generated);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(VECTORS.resolve(file))
                    .as("contract/vectors/%s is what VectorGenerator writes (-Dvectors.write=true rewrites it)", file)
                    .hasSameTextualContentAs(generated.resolve(file));
        }
        assertThat(files(VECTORS).stream().filter(file -> !file.toString().endsWith(".md")))
                .as("every file under contract/vectors but its README is written by VectorGenerator")
                .containsExactlyInAnyOrderElementsOf(files);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }
}
