package org.govkiosk.app.catalog;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Prints how long loading the shipped catalog takes (cold: first in this JVM; warm: a reload), how long
 * {@link Catalog#prepareSearch()} takes (cold: ICU builds its Han-Latin rules; warm: another catalog, characters
 * cached) and how long a search takes. A harness that prints figures, not a test: it never fails on a timing.
 *
 * <p>Run: {@code java -cp kiosk-app/target/test-classes:kiosk-app/target/classes:<deps> org.govkiosk.app.catalog.CatalogBenchmark [configDir]}
 */
public final class CatalogBenchmark {

    private CatalogBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Paths.get(args.length > 0 ? args[0] : "config");
        long t0 = System.nanoTime();
        Catalog catalog = CatalogLoader.load(dir);
        long cold = System.nanoTime() - t0;
        long warm = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            CatalogLoader.load(dir);
            warm = Math.min(warm, System.nanoTime() - t);
        }
        System.out.printf("catalog: %d items; load cold %.1f ms, warm (best of 20) %.2f ms%n",
                catalog.items().size(), cold / 1e6, warm / 1e6);
        long p0 = System.nanoTime();
        catalog.prepareSearch();
        long prepareCold = System.nanoTime() - p0;
        Catalog again = CatalogLoader.load(dir);
        long p1 = System.nanoTime();
        again.prepareSearch();
        long prepareWarm = System.nanoTime() - p1;
        System.out.printf("prepareSearch: cold %.1f ms (ICU Han-Latin rules built), warm %.2f ms%n",
                prepareCold / 1e6, prepareWarm / 1e6);
        List<String> queries = List.of("gjj", "shbx", "社保", "不动产", "hjzm", "gongjijin", "xyzq", "s");
        int rounds = 20_000;
        for (int warmup = 0; warmup < 2; warmup++) {
            long t = System.nanoTime();
            int found = 0;
            for (int r = 0; r < rounds; r++) {
                found += catalog.search(queries.get(r % queries.size())).size();
            }
            long took = System.nanoTime() - t;
            if (warmup == 1) {
                System.out.printf("search: %d queries, %.1f µs each on average (%d hits)%n", rounds,
                        took / 1e3 / rounds, found);
            }
        }
    }
}
