package org.govkiosk.platform.ratings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.ratings.RatingSettings;

/**
 * How long the period reports take over a month of N ratings (H2 in memory, loopback): by department, clerk and
 * item as JSON, as CSV, the printable page and the published page, each beside the existing per-level summary of the
 * same period, measured in the same run (median and worst of R rounds). Prints figures; fails nothing.
 * Args: [ratings=5000] [rounds=20].
 */
public final class RatingReportBench {

    public static void main(String[] args) throws Exception {
        int ratings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PlatformServer server = PlatformServer.start(PlatformConfig.embedded().withTokens(RunningPlatform.ENROLMENT,
                RunningPlatform.CLERK), RatingSettings.defaults().unscheduled(), Clock.systemUTC());
        try {
            TestTerminal terminal = new TestTerminal(server.baseUri(), "T-BENCH", Clock.systemUTC())
                    .registered(RunningPlatform.ENROLMENT);
            CaseReceipt c = TestTerminal.read(terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id,
                    "bench-case", CaseKind.IMMEDIATE, "本地")), CaseReceipt.class);
            HttpClient http = HttpClient.newHttpClient();
            for (int w = 1; w <= 20; w++) {
                clerk(http, server, "PUT", ApiPaths.CLERK_RATING_WINDOWS, "{\"hallCode\":\"HALL-1\",\"windowId\":\"W-"
                        + w + "\",\"department\":\"部门" + (w % 6) + "\",\"updatedBy\":\"bench\"}");
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < ratings; i++) {
                int level = 1 + i % 5;
                RatingSubmission r = new RatingSubmission("bench-" + i, c.caseNumber(), Integer.toString(i),
                        "ITEM-" + (i % 40), "HALL-1", terminal.id, "W-" + (1 + i % 20), "C" + (i % 60),
                        RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                        level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), null, i % 7 == 0,
                        java.time.Instant.now());
                HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
                if (sent.statusCode() != 201) {
                    throw new IllegalStateException("rating refused: " + sent.body());
                }
            }
            System.out.printf("%d ratings stored in %.1f s%n", ratings, (System.nanoTime() - t0) / 1e9);
            String month = "month=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String summary = ApiPaths.CLERK_RATING_SUMMARY + "?from=" + today.withDayOfMonth(1) + "&to="
                    + today.withDayOfMonth(today.lengthOfMonth());
            clerk(http, server, "GET", ApiPaths.CLERK_RATING_REPORTS + "?" + month, null); // the ledger's first sync
            System.out.printf("%-56s %10s %10s%n", "request (a month of " + ratings + " ratings)", "median ms",
                    "worst ms");
            for (String path : List.of(summary, ApiPaths.CLERK_RATING_REPORTS + "?by=department&" + month,
                    ApiPaths.CLERK_RATING_REPORTS + "?by=clerk&" + month,
                    ApiPaths.CLERK_RATING_REPORTS + "?by=item&" + month,
                    ApiPaths.CLERK_RATING_REPORTS + "?by=department&format=csv&" + month,
                    ApiPaths.CLERK_RATING_REPORTS + "?by=department&format=html&" + month,
                    ApiPaths.RATINGS_PUBLISHED_PAGE + "?hall=HALL-1&" + month)) {
                List<Long> took = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    clerk(http, server, "GET", path, null);
                    took.add(System.nanoTime() - start);
                }
                Collections.sort(took);
                System.out.printf("%-56s %10.1f %10.1f%n", path.replaceAll("\\?.*", "") + "?" + path
                        .replaceAll(".*\\?", "").replaceAll("&?(from|to|month)=[0-9-]+", "").replace("hall=", "hall="),
                        took.get(took.size() / 2) / 1e6, took.get(took.size() - 1) / 1e6);
            }
        } finally {
            server.close();
        }
        System.exit(0);
    }

    private static String clerk(HttpClient http, PlatformServer server, String method, String path, String json)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
