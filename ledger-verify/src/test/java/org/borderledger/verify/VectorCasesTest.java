package org.borderledger.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of {@code contract/vectors/cases.json} through {@code ledger-verify}: valid or rejected with its code. */
class VectorCasesTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");

    @TestFactory
    Stream<DynamicTest> everyVectorCaseGetsItsVerdict() throws IOException {
        JsonNode cases = json.readTree(VECTORS.resolve("cases.json").toFile()).get("cases");
        assertThat(cases.size()).isGreaterThan(20);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : cases) {
            tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> check(vector)));
        }
        return tests.stream();
    }

    private static void check(JsonNode vector) throws IOException {
        List<String> args = new ArrayList<>();
        String kind = vector.get("kind").asText();
        if (!kind.equals("export")) {
            args.addAll(List.of("prove", kind));
        }
        args.addAll(List.of(
                "--pinned-keys",
                VECTORS.resolve(vector.get("pinnedKeys").asText()).toString()));
        if (!vector.get("anchor").isNull()) {
            args.addAll(List.of(
                    "--anchor", VECTORS.resolve(vector.get("anchor").asText()).toString()));
        }
        vector.get("files")
                .forEach(file -> args.add(VECTORS.resolve(file.asText()).toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerify.run(
                args.toArray(String[]::new), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        String expect = vector.get("expect").asText();
        String said = vector.get("description").asText() + ": " + err.toString(UTF_8);
        if (expect.equals("valid")) {
            assertThat(status).as(said).isEqualTo(LedgerVerify.INTACT);
            return;
        }
        assertThat(status).as(said).isEqualTo(LedgerVerify.BROKEN);
        JsonNode report = json.readTree(out.toString(UTF_8));
        JsonNode code = kind.equals("export")
                ? report.get("firstBroken").get("code")
                : report.get("rejection").get("code");
        assertThat(code.asText()).as(said).isEqualTo(expect);
    }
}
