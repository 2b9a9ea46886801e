package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformConfigLoader;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.staff.Role;
import org.junit.jupiter.api.Test;

/**
 * The machine token and the staff session (issues 14 and 22, trust boundaries): a guessable token ({@code 4711} was
 * found in 3 s) is refused at start; signing out ends the session on the platform, not only in the browser; the
 * session cookie is Secure whenever the page was reached over TLS (here: through a TLS proxy) or from afar.
 */
class SessionTokenAttackTest extends RunningPlatform {

    private static final String[] WEAK = {"4711", "clerk-secret-1", "0123456789abcdef0123456789abcde",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababababababab"};
    /** 24 random bytes in base64url ({@code openssl rand -base64 24}) and 16 in hex ({@code openssl rand -hex 16}). */
    private static final String[] STRONG = {"q0FSZ3p1Kd8vR0xw4mT9bYcE2nHuJ7aL", "9f86d081884c7d659a2feaa0c55ad015"};

    @Test
    void aWeakClerkOrEnrolmentTokenIsRefusedAtStartWithAClearError() {
        for (String weak : WEAK) {
            assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[0], Map.of("GOVKIOSK_CLERK_TOKEN", weak)))
                    .as(weak).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("clerk token").hasMessageContaining("128 bits")
                    .hasMessageNotContaining(weak);
            assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[0],
                    Map.of("GOVKIOSK_ENROLMENT_TOKEN", weak)))
                    .as(weak).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrolment token");
            assertThatThrownBy(() -> PlatformServer.start(PlatformConfig.embedded().withTokens(null, weak)))
                    .as(weak).isInstanceOf(IllegalArgumentException.class);
        }
        for (String strong : STRONG) {
            assertThat(PlatformConfigLoader.fromArgs(new String[0], Map.of("GOVKIOSK_CLERK_TOKEN", strong))
                    .clerkToken()).contains(strong);
        }
    }

    private HttpResponse<String> login(Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("next=%2Ffleet&login=tech1&password="
                        + java.net.URLEncoder.encode(StaffClient.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int page(String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/fleet")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void signingOutEndsTheSessionOnThePlatform() throws Exception {
        StaffClient.add(server, "tech1", Role.TECHNICIAN, "HALL-1");
        String setCookie = login(Map.of()).headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.split(";")[0];
        assertThat(page(cookie)).isEqualTo(200);

        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/staff/logout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + StaffClient.csrf(server.baseUri(), cookie)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("Max-Age=0"));
        assertThat(page(cookie)).as("the old cookie, replayed after sign-out").isEqualTo(401);

        String other = login(Map.of()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(page(other)).as("a new sign-in after the sign-out").isEqualTo(200);
    }

    @Test
    void theCookieIsSecureHttpOnlyAndStrictWhenServedOverTls() throws Exception {
        server.close();
        server = PlatformServer.start(config().withExposure(Exposure.defaults().withBehindTlsProxy(true)), clock);
        StaffClient.add(server, "tech1", Role.TECHNICIAN, "HALL-1");
        String overTls = login(Map.of("X-Forwarded-Proto", "https")).headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(overTls).contains("; Secure").contains("; HttpOnly").contains("SameSite=Strict");
        // A client on another machine gets a Secure cookie even if the proxy forgot the scheme.
        String fromAfar = login(Map.of("X-Forwarded-For", "203.0.113.7")).headers().firstValue("Set-Cookie")
                .orElseThrow();
        assertThat(fromAfar).contains("; Secure");
    }
}
