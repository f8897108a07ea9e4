package org.borderledger.security;

import java.net.URI;

/**
 * The one home of the ledger's problem type URIs: every problem+json answer of both services has
 * {@code type = https://border-ledger.example/problems/<name>}, where {@code name} is a stable, lower-case, hyphenated
 * name that clients may switch on. Names are part of the public API; they are pinned by tests.
 */
public final class ProblemTypes {

    public static final String BASE = "https://border-ledger.example/problems/";

    private ProblemTypes() {}

    public static URI uri(String name) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A problem type name is lower-case words joined by hyphens: " + name);
        }
        return URI.create(BASE + name);
    }
}
