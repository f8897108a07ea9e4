package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FirewallRulesTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsExactlyWhatSpringSecuritysDefaultExpressionsAcceptForEveryCharacter() {
        for (int c = 0; c <= 0x10FFFF; c += c < 0x3000 ? 1 : 7) {
            String value = "Bearer " + new String(Character.toChars(c)) + "x";
            assertThat(LedgerSecurity.assignedAndNoControl(value, false))
                    .as("name U+%04X", c)
                    .isEqualTo(NAMES.matcher(value).matches());
            assertThat(LedgerSecurity.assignedAndNoControl(value, true))
                    .as("value U+%04X", c)
                    .isEqualTo(VALUES.matcher(value).matches());
        }
    }

    @Test
    void refusesControlCharactersAndLoneLineBreaksInTokensButNotTabsInValues() {
        for (String value : List.of("abc\r\nSet-Cookie: x", "a\u0000b", "a\u007fb", "a\u0085b")) {
            assertThat(LedgerSecurity.assignedAndNoControl(value, true))
                    .as(value)
                    .isFalse();
        }
        assertThat(LedgerSecurity.assignedAndNoControl("a\tb", true)).isTrue();
        assertThat(LedgerSecurity.assignedAndNoControl("a\tb", false)).isFalse();
        assertThat(LedgerSecurity.assignedAndNoControl("Kiên Giang – Kampot 😀", false))
                .isTrue();
    }
}
