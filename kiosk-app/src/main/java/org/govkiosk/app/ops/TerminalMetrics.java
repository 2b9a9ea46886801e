package org.govkiosk.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * The terminal's metrics: each device's status and paper state, what the devices did (cards read, codes
 * scanned, pages printed or failed), sessions, and the JVM's heap, threads and open files. Device gauges read the
 * drivers' current status when scraped, so they cannot go stale.
 */
public final class TerminalMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public TerminalMetrics(String terminalId, List<? extends Device> devices, DeviceEventBus bus) {
        registry.config().commonTags("terminal", terminalId);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Device d : devices) {
            Tags tags = Tags.of("device", d.id(), "family", d.family().configName());
            Gauge.builder("govkiosk.device.up", d, dev -> dev.status().isUsable() ? 1 : 0).tags(tags)
                    .description("1 when the device can serve a citizen now").register(registry);
            for (DeviceStatus s : DeviceStatus.values()) {
                Gauge.builder("govkiosk.device.status", d, dev -> dev.status().status() == s ? 1 : 0)
                        .tags(tags.and("status", s.name().toLowerCase(Locale.ROOT)))
                        .description("1 for the device's current status").register(registry);
            }
            if (d.family() == DeviceFamily.RECEIPT_PRINTER || d.family() == DeviceFamily.DOCUMENT_PRINTER) {
                Gauge.builder("govkiosk.printer.paper", d, dev -> paperLevel(dev.status())).tags(tags)
                        .description("2 paper ok, 1 near end, 0 out or unknown").register(registry);
            }
        }
        bus.onEvent(this::count);
    }

    static int paperLevel(DeviceStatusInfo info) {
        if (info.detail() == DeviceStatusDetail.PAPER_OUT || !info.isUsable()) {
            return 0;
        }
        return info.detail() == DeviceStatusDetail.PAPER_NEAR_END ? 1 : 2;
    }

    private void count(DeviceEvent event) {
        // IdCardRead -> id_card_read: every event type counts, new ones included, without a list to keep.
        String name = event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        Counter.builder("govkiosk.device.events").tags("device", event.deviceId(), "event", name)
                .description("what the devices did").register(registry).increment();
    }

    /** Counts an ended citizen session by how it ended (finished, timeout, maintenance). */
    public void sessionEnded(String reason) {
        Counter.builder("govkiosk.sessions.ended").tag("reason", reason.toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** Adds a gauge read on each scrape, e.g. the outbox depth. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}
