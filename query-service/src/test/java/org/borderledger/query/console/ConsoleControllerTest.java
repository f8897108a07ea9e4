package org.borderledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ConsoleControllerTest {

    static final int PORT = 18082;

    @TempDir
    Path dataDir;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T08:00:00Z"));
    DemoSignIn demoSignIn;
    MockMvc http;

    @BeforeEach
    void localRun() throws Exception {
        Path tokens = dataDir.resolve("tokens.json");
        Files.writeString(tokens, "{\"kienGiangUnit\":\"eyJ.kg.sig\",\"auditor\":\"eyJ.au.sig\"}");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        demoSignIn = new DemoSignIn(tokens, PORT, clock);
        http = MockMvcBuilders.standaloneSetup(controller(null, demoSignIn)).build();
    }

    static ConsoleController controller(String demoTokensSetting, DemoSignIn demoSignIn) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (demoSignIn != null) {
            beans.addBean("demoSignIn", demoSignIn);
        }
        return new ConsoleController(
                new ConsoleProperties(null, 18081, null, demoTokensSetting),
                beans.getBeanProvider(DemoSignIn.class),
                new ObjectMapper());
    }

    @Test
    void theSettingsNameTheCommandServiceAndOfferTheDemoSignIn() throws Exception {
        http.perform(get("/console/config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commandPort").value(18081))
                .andExpect(jsonPath("$.commandUrl").doesNotExist())
                .andExpect(jsonPath("$.oidc").doesNotExist())
                .andExpect(jsonPath("$.demoIdentities").value(true));
    }

    @Test
    void aSignInLinkOpensTheDemoIdentitiesOnceToABrowserOnThisMachine() throws Exception {
        String nonce = nonce(demoSignIn.newLink().toString());
        http.perform(signIn(nonce, "localhost:" + PORT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("kienGiangUnit"))
                .andExpect(jsonPath("$[0].token").value("eyJ.kg.sig"))
                .andExpect(jsonPath("$[1].name").value("auditor"));
        http.perform(signIn(nonce, "localhost:" + PORT)).andExpect(status().isNotFound());
    }

    @Test
    void everyLoopbackNameWithTheConsolesPortIsThisMachine() throws Exception {
        for (String host : new String[] {"127.0.0.1:" + PORT, "[::1]:" + PORT, "LOCALHOST:" + PORT}) {
            http.perform(signIn(nonce(demoSignIn.newLink().toString()), host)).andExpect(status().isOk());
        }
    }

    @Test
    void aForeignHostGetsNoTokenEvenWithTheNonce() throws Exception {
        String nonce = nonce(demoSignIn.newLink().toString());
        for (String host : new String[] {
            "attacker.example:" + PORT,
            "localhost",
            "localhost:80",
            "127.0.0.1:" + (PORT + 1),
            "localhost.example:" + PORT
        }) {
            http.perform(signIn(nonce, host)).andExpect(status().isNotFound());
        }
        http.perform(signIn(nonce, "localhost:" + PORT)).andExpect(status().isOk());
    }

    @Test
    void aRequestThroughAProxyGetsNoToken() throws Exception {
        String nonce = nonce(demoSignIn.newLink().toString());
        String[][] proxied = {
            {"Forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43"},
            {"X-Forwarded-For", "192.0.2.60"},
            {"X-Forwarded-Host", "ledger.example"},
            {"X-Forwarded-Proto", "https"},
            {"Via", "1.1 proxy"}
        };
        for (String[] header : proxied) {
            http.perform(signIn(nonce, "localhost:" + PORT).header(header[0], header[1]))
                    .andExpect(status().isNotFound());
        }
        http.perform(signIn(nonce, "localhost:" + PORT)).andExpect(status().isOk());
    }

    @Test
    void anotherMachineGetsNoToken() throws Exception {
        String nonce = nonce(demoSignIn.newLink().toString());
        http.perform(signIn(nonce, "localhost:" + PORT).with(request -> {
                    request.setRemoteAddr("192.0.2.10");
                    return request;
                }))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLinkIsGoodForMinutesOnly() throws Exception {
        String nonce = nonce(demoSignIn.newLink().toString());
        now.set(now.get().plus(DemoSignIn.LINK_LIFETIME));
        http.perform(signIn(nonce, "localhost:" + PORT)).andExpect(status().isNotFound());
    }

    @Test
    void aGuessedOrMissingNonceGetsNoToken() throws Exception {
        demoSignIn.newLink();
        http.perform(signIn("guessed", "localhost:" + PORT)).andExpect(status().isNotFound());
        http.perform(post("/console/demo-sign-in")
                        .header("Host", "localhost:" + PORT)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutTheLocalRunThereIsNoDemoSignIn() throws Exception {
        MockMvc service =
                MockMvcBuilders.standaloneSetup(controller(null, null)).build();
        service.perform(get("/console/config.json"))
                .andExpect(jsonPath("$.demoIdentities").value(false));
        service.perform(signIn("anything", "localhost:" + PORT)).andExpect(status().isNotFound());
    }

    @Test
    void theDemoTokensSettingIsRefusedOutsideTheLocalRun() {
        assertThatThrownBy(() -> controller("/srv/ledger/tokens.json", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.console.demo-tokens");
    }

    @Test
    void theLinkCarriesItsNonceInTheFragmentOnly() {
        String link = demoSignIn.newLink().toString();
        assertThat(link).startsWith("http://localhost:" + PORT + "/#/sign-in?nonce=");
        assertThat(nonce(link)).hasSize(43);
    }

    private static MockHttpServletRequestBuilder signIn(String nonce, String host) {
        return post("/console/demo-sign-in")
                .header("Host", host)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nonce\":\"" + nonce + "\"}");
    }

    private static String nonce(String link) {
        return link.substring(link.indexOf("nonce=") + "nonce=".length());
    }
}
