package org.borderledger.command;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Hamcrest matchers for {@link Refusal}s, for {@code AggregateTestFixture#expectException(Matcher)}. */
public final class RefusalMatchers {

    private RefusalMatchers() {}

    /** A refusal that names exactly these request fields as the ones at fault. */
    public static Matcher<Refusal> namingFields(String... fields) {
        return new FeatureMatcher<>(equalTo(List.of(fields)), "a refusal naming the fields", "fields") {
            @Override
            protected List<String> featureValueOf(Refusal refusal) {
                return refusal.fields();
            }
        };
    }
}
