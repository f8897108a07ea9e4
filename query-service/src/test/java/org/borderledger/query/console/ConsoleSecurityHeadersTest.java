package org.borderledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConsoleSecurityHeadersTest {

    @Test
    void theConsoleRunsOnlyItsOwnScriptsAndTalksOnlyToTheTwoServices() throws Exception {
        String policy = policyOf(new ConsoleProperties(null, 8081, null, null), "/index.html");

        assertThat(policy)
                .contains("script-src 'self';")
                .contains("connect-src 'self' http://localhost:8081;")
                .contains("frame-ancestors 'none'")
                .contains("default-src 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*");
    }

    @Test
    void aConfiguredCommandServiceAndIdentityProviderAreTheOnlyOtherOrigins() throws Exception {
        ConsoleProperties properties = new ConsoleProperties(
                "https://ledger.example.org:8443/",
                8081,
                new ConsoleProperties.Oidc("https://login.example.org/realms/border-ledger", "border-ledger", "openid"),
                null);

        assertThat(policyOf(properties, "/"))
                .contains("connect-src 'self' https://ledger.example.org:8443 https://login.example.org;");
    }

    @Test
    void swaggerUiHasAPolicyOfItsOwn() throws Exception {
        String policy = policyOf(new ConsoleProperties(null, 8081, null, null), "/swagger-ui/index.html");

        assertThat(policy).contains("connect-src 'self';").contains("script-src 'self';");
        assertThat(policy).doesNotContain("8081");
    }

    private static String policyOf(ConsoleProperties properties, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServerName("localhost");
        request.setServerPort(8082);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsoleSecurityHeaders(properties).doFilter(request, response, new MockFilterChain());
        return response.getHeader(ConsoleSecurityHeaders.HEADER);
    }
}
