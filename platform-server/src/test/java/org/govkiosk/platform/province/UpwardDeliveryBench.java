package org.govkiosk.platform.province;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.ratings.RatingSettings;

/**
 * Upward delivery throughput: the reference platform (H2 in memory) with N ratings in its outbox, drained by its
 * sender through the stand-in province on loopback, one request per delivery; under HMAC-SHA256 and HMAC-SM3 side by
 * side, and with a province that fails every third request. Prints figures; fails nothing.
 * Args: [ratings=300] [batch=50].
 */
public final class UpwardDeliveryBench {

    private static final String CLERK = "bench-clerk-7Hs6Yp1Kd8Vb5Zc2";
    private static final String ENROL = "bench-enrol-9Gq8Xv2Lm7Rt4Wn9";

    public static void main(String[] args) throws Exception {
        int ratings = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf("upward delivery: %d ratings, batch %d, one HTTP request per delivery, H2 in memory%n",
                ratings, batch);
        // A round of each, unprinted, first: the figures compare warm code, not the first to run with the second.
        for (CryptoSuite suite : List.of(CryptoSuite.ED25519_AES, CryptoSuite.SM)) {
            run(suite, StandInProvince.Fault.NONE, Math.min(ratings, 100), batch, false);
        }
        for (CryptoSuite suite : List.of(CryptoSuite.ED25519_AES, CryptoSuite.SM)) {
            for (StandInProvince.Fault fault : List.of(StandInProvince.Fault.NONE,
                    StandInProvince.Fault.EVERY_THIRD_500)) {
                run(suite, fault, ratings, batch, true);
            }
        }
        System.exit(0);
    }

    private static void run(CryptoSuite suite, StandInProvince.Fault fault, int n, int batch, boolean print)
            throws Exception {
        Clock clock = Clock.systemUTC();
        byte[] key = "a shared key of the bench, 32 by".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String algorithm = suite == CryptoSuite.SM ? "HMAC-SM3" : "HMAC-SHA256";
        try (StandInProvince province = new StandInProvince(key, algorithm, clock)) {
            PlatformConfig config = PlatformConfig.embedded().withTokens(ENROL, CLERK).withCryptoSuite(suite)
                    .withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
            ProvinceSettings settings = ProvinceSettings.linked(province.url(), "KEY-1", key)
                    .withAttempts(10, Duration.ZERO, Duration.ZERO).withBatchSize(batch)
                    .withInterval(Duration.ofHours(1));
            try (PlatformServer server = PlatformServer.start(config, RatingSettings.defaults().unscheduled(),
                    Optional.empty(), settings, clock)) {
                TestTerminal t = new TestTerminal(server.baseUri(), "T-BENCH", clock, suite).registered(ENROL);
                long intake = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    HttpResponse<String> c = t.post(ApiPaths.CASES, ProvincePlatform.submission(t.id, "b-" + i,
                            ProvincePlatform.PHONE));
                    String number = TestTerminal.read(c, CaseReceipt.class).caseNumber();
                    int level = 1 + i % 5;
                    t.post(ApiPaths.RATINGS, new RatingSubmission("r-" + i, number, "1", ProvincePlatform.ITEM,
                            "HALL-1", t.id, null, null, RatingChannel.SELF_SERVICE_TERMINAL, level,
                            Map.of("OVERALL", level), level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), null,
                            false, clock.instant()));
                }
                double intakeS = (System.nanoTime() - intake) / 1e9;
                province.failWith(fault);
                long start = System.nanoTime();
                int runs = 0;
                while (server.provinceOutbox().count("SENT") < n && runs < 10_000) {
                    server.runProvinceDelivery();
                    runs++;
                }
                double s = (System.nanoTime() - start) / 1e9;
                if (!print) {
                    return;
                }
                System.out.printf("  %-11s province %-15s: %4d delivered in %6.2f s = %7.1f deliveries/s"
                        + " (%d requests, %d sender runs; filing the cases and ratings took %.2f s)%n", algorithm,
                        fault, province.taken.size(), s, province.taken.size() / s, province.requests.get(), runs,
                        intakeS);
            }
        }
    }
}
