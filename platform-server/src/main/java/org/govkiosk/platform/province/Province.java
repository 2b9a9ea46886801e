package org.govkiosk.platform.province;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.JdbcNonceStore;
import org.govkiosk.shared.retry.Backoff;

/**
 * Upward delivery to the provincial 好差评 system (issue 18): the outbox of every rating and change, its sender, the
 * dead letters for staff, and the 差评通报单 the province sends down. {@link #install} is the one call the server
 * makes; the server runs {@link #runOnce()} every {@link ProvinceSettings#interval()} when a province is linked.
 */
public final class Province {

    /** A claim older than this is taken to be of a dead instance: longer than any attempt takes. */
    static Duration staleClaim(ProvinceSettings settings) {
        return settings.connectTimeout().plus(settings.requestTimeout()).multipliedBy(2).plusSeconds(60);
    }

    private final ProvinceOutbox outbox;
    private final Optional<ProvinceSender> sender;

    private Province(ProvinceOutbox outbox, Optional<ProvinceSender> sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    /**
     * @param catalog the terminals' catalog.yaml (each item's department for the province); empty: none
     * @param skew    how far a notice's timestamp may be from this platform's clock
     */
    public static Province install(RouteTable routes, RouteSupport support, Database database,
            ProvinceSettings settings, CryptoSuite suite, Optional<Path> catalog, Duration skew) {
        Clock clock = support.clock();
        ProvinceOutbox outbox = new ProvinceOutbox(database, clock, staleClaim(settings));
        ProvinceRoutes r = new ProvinceRoutes(support, outbox);
        r.register(routes);
        Optional<ProvinceSender> sender = Optional.empty();
        if (settings.url().isPresent()) {
            ProvinceHmac.Algorithm algorithm = ProvinceHmac.Algorithm.of(suite);
            ProvinceHmac ours = new ProvinceHmac(algorithm, settings.keyId(), settings.key());
            ProvinceHmac theirs = new ProvinceHmac(algorithm, settings.keyId(), settings.provinceKey());
            sender = Optional.of(new ProvinceSender(outbox, new ProvinceClient(settings, ours, theirs, clock),
                    new UpwardPayload(CatalogDepartments.read(catalog), ours),
                    new Backoff(settings.retryBase(), settings.retryCap(), 0.2, new Random()),
                    settings.batchSize(), settings.maxAttempts(), clock));
            r.registerNotices(routes, theirs, ours, new JdbcNonceStore(database, skew.multipliedBy(2), clock),
                    new NoticeIntake(database), skew);
        }
        return new Province(outbox, sender);
    }

    /** Whether a province is linked (the sender runs). */
    public boolean linked() {
        return sender.isPresent();
    }

    /** One run of the sender; nothing when no province is linked. */
    public ProvinceSender.Run runOnce() {
        return sender.map(ProvinceSender::runOnce).orElse(new ProvinceSender.Run(0, 0, 0, 0));
    }

    /** The outbox (dead letters, counts). */
    public ProvinceOutbox outbox() {
        return outbox;
    }
}
