package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

    private static final Pattern SPRING =
            Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

    @Test
    void readsTheSameTokensAsSpringSecuritysDefaultResolver() {
        for (String header : List.of(
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrZyJ9.c2ln",
                "bearer abc",
                "BEARER a-b_c~d+e/f==",
                "Bearer abc=",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer a b",
                "Bearer abc=d",
                "Bearer ab\u00e9",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
                "Token abc")) {
            assertThat(BearerTokens.wellFormed(header) || !header.regionMatches(true, 0, "bearer", 0, 6))
                    .as(header)
                    .isEqualTo(SPRING.matcher(header).matches() || !header.regionMatches(true, 0, "bearer", 0, 6));
            assertThat(outcome(new BearerTokens(), header))
                    .as(header)
                    .isEqualTo(outcome(new DefaultBearerTokenResolver(), header));
        }
    }

    @Test
    void refusesAMalformedBearerTokenAndIgnoresOtherSchemes() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer not a token");
        assertThatThrownBy(() -> new BearerTokens().resolve(request)).isInstanceOf(OAuth2AuthenticationException.class);

        MockHttpServletRequest basic = new MockHttpServletRequest();
        basic.addHeader("Authorization", "Basic dXNlcjpwYXNz");
        assertThat(new BearerTokens().resolve(basic)).isNull();
        assertThat(new BearerTokens().resolve(new MockHttpServletRequest())).isNull();
    }

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);
        try {
            return "token:" + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused";
        }
    }
}
