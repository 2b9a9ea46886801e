package org.govkiosk.platform.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.http.RouteSupport;

/**
 * The platform's {@code GET /metrics} in Prometheus text (Micrometer), one per instance; Prometheus sums the
 * instances. Every answer is timed by route, method and status ({@code govkiosk_platform_http_requests_seconds}:
 * rates, latency, errors); cases stored ({@code govkiosk_platform_cases_received_total}) with their latency as a
 * histogram (p50/p99 across instances); gauges given by the wiring (pads connected here, terminals heard from); the
 * database pool (HikariCP's {@code hikaricp_connections_*}) and the JVM. Behind the clerk token, as a scraper sends
 * it ({@code Authorization: Bearer}).
 */
public final class PlatformMetrics {

    public static final String PATH = "/metrics";
    private static final String STARTED = PlatformMetrics.class.getName() + ".started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter casesReceived;
    private final Timer caseIntake;

    private PlatformMetrics() {
        casesReceived = Counter.builder("govkiosk_platform_cases_received")
                .description("cases stored (answered 201)").register(registry);
        caseIntake = Timer.builder("govkiosk_platform_case_intake")
                .description("time to answer a case submission, stored or not")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Times every request of {@code app} and serves {@value #PATH}. */
    public static PlatformMetrics install(Javalin app, RouteSupport support) {
        PlatformMetrics metrics = new PlatformMetrics();
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(metrics::record);
        app.get(PATH, ctx -> {
            support.auth().machine(ctx);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.registry.scrape());
        });
        return metrics;
    }

    /** The registry, for binders such as the database pool's. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A gauge read at each scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        long nanos = System.nanoTime() - started;
        int status = ctx.statusCode();
        String route = ctx.endpointHandlerPath();
        Timer.builder("govkiosk_platform_http_requests")
                .description("answers by route, method and status")
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("method", ctx.method().name())
                .tag("status", Integer.toString(status))
                .register(registry).record(Duration.ofNanos(nanos));
        if (ApiPaths.CASES.equals(route) && "POST".equals(ctx.method().name())) {
            caseIntake.record(Duration.ofNanos(nanos));
            if (status == 201) {
                casesReceived.increment();
            }
        }
    }
}
