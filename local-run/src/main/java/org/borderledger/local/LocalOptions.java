package org.borderledger.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command-line options of {@code ./run-local.sh}. */
record LocalOptions(
        boolean demo,
        boolean brokerOnly,
        boolean verbose,
        boolean printTokens,
        boolean reset,
        boolean resetTokens,
        boolean yes,
        boolean help) {

    /** Every option and what it does; {@code --help} lists them. */
    static final Map<String, String> OPTIONS = options();

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--demo", "record the facts of the two seed reports (idempotent) and print their figures");
        options.put(
                "--print-tokens",
                "print the demo identities' tokens (they are always in $LEDGER_DATA_DIR/tokens.json)");
        options.put("--verbose", "show the full log on the terminal (it always goes to $LEDGER_DATA_DIR/logs/)");
        options.put("--reset", "delete everything in the data directory first, after a confirmation on the terminal");
        options.put("--yes", "confirm --reset without asking");
        options.put(
                "--reset-tokens",
                "revoke every token issued so far (demo or not): both services refuse tokens issued before this start");
        options.put("--broker-only", "run only the Kafka broker (for the benchmark)");
        options.put("--help", "show this help and exit");
        return Collections.unmodifiableMap(options);
    }

    static LocalOptions parse(List<String> args) {
        for (String arg : args) {
            if (!OPTIONS.containsKey(arg) && !arg.equals("-h")) {
                throw new LocalRunRefused("Unknown option " + arg + " (./run-local.sh --help lists the options)");
            }
        }
        if (args.contains("--yes") && !args.contains("--reset")) {
            throw new LocalRunRefused("--yes only confirms --reset");
        }
        return new LocalOptions(
                args.contains("--demo"),
                args.contains("--broker-only"),
                args.contains("--verbose"),
                args.contains("--print-tokens"),
                args.contains("--reset"),
                args.contains("--reset-tokens"),
                args.contains("--yes"),
                args.contains("--help") || args.contains("-h"));
    }

    static String usage() {
        StringBuilder out = new StringBuilder()
                .append("Usage: ./run-local.sh [options]\n")
                .append("Runs the Border Cooperation Ledger on this machine: PostgreSQL, a Kafka broker, the command")
                .append(" service and the query service with its console, all data under $LEDGER_DATA_DIR.\n\n")
                .append("Options:\n");
        OPTIONS.forEach((option, meaning) -> out.append(String.format("  %-15s %s%n", option, meaning)));
        out.append("\nEnvironment variables:\n");
        for (LocalSettings.Variable variable : LocalSettings.VARIABLES) {
            out.append(String.format(
                    "  %-29s %s [default: %s]%n", variable.name(), variable.meaning(), variable.defaultValue()));
        }
        out.append("\nThe services read their other LEDGER_* settings as well (docs/configuration.md).\n");
        return out.toString();
    }
}
