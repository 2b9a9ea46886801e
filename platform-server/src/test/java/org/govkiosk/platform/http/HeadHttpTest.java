package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.fleet.FleetRoutes;
import org.junit.jupiter.api.Test;

/** HEAD is authorised and answered exactly as GET on every GET route: never a 200 that GET would refuse. */
class HeadHttpTest extends RunningPlatform {

    private HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyGetRouteAnswersHeadWithGetsStatusAndNoBody() throws Exception {
        int routes = 0;
        for (RouteTable.Route route : server.routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            routes++;
            // Every path parameter a route has gets a value (one the test does not know makes URI.create fail).
            String path = route.path().replace("{caseNumber}", "GK2025030300000000000")
                    .replace("{appealId}", "AP-none").replace("{number}", "1").replace("{login}", "nobody");
            assertThat(path).as("a path parameter this test gives no value").doesNotContain("{");
            for (String bearer : new String[] {null, "wrong-token", CLERK}) {
                HttpResponse<String> get = send("GET", path, bearer);
                HttpResponse<String> head = send("HEAD", path, bearer);
                assertThat(head.statusCode()).as("HEAD " + path + " with " + bearer).isEqualTo(get.statusCode());
                assertThat(head.body()).as("HEAD " + path).isEmpty();
            }
        }
        assertThat(routes).isGreaterThanOrEqualTo(7);
    }

    @Test
    void headOfAClerkListNeedsTheToken() throws Exception {
        assertThat(send("HEAD", ApiPaths.CLERK_TERMINALS, null).statusCode()).isEqualTo(401);
        assertThat(send("HEAD", ApiPaths.CLERK_CASES, "wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = send("HEAD", ApiPaths.CLERK_TERMINALS, CLERK);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void headOfTheFleetPageNeedsALogin() throws Exception {
        assertThat(send("HEAD", FleetRoutes.PAGE, null).statusCode()).isEqualTo(401);
        assertThat(send("HEAD", FleetRoutes.PAGE, CLERK).statusCode()).isEqualTo(200);
    }
}
