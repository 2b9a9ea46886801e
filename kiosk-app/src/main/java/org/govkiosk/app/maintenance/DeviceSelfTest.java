package org.govkiosk.app.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.RatingPad;
import org.govkiosk.device.SmartCardReader;
import org.govkiosk.personal.Masking;
import org.govkiosk.print.data.PrinterTestPageData;
import org.govkiosk.print.data.TemplateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A technician's test of one device: printers print a test page naming the terminal, the time and the device;
 * readers wait for the next card, scanners for the next code, a rating pad lights up and waits for a key. Every
 * result is audited; what a card or code carried is shown masked only.
 */
public final class DeviceSelfTest {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelfTest.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Fills a template and prints it on one named printer, never on another; {@code PrintService::printOn}. */
    @FunctionalInterface
    public interface PrinterAccess {
        CompletableFuture<PrintResult> printOn(String deviceId, TemplateData data, String jobId);
    }

    private final List<? extends Device> devices;
    private final DeviceEventBus bus;
    private final PrinterAccess printers;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;
    private final String terminalId;
    private final Duration wait;

    /** @param wait how long a reader, scanner or pad test waits for the technician's card, code or key */
    public DeviceSelfTest(List<? extends Device> devices, DeviceEventBus bus, PrinterAccess printers, Audit audit,
            Clock clock, ZoneId zone, String terminalId, Duration wait) {
        this.devices = List.copyOf(devices);
        this.bus = bus;
        this.printers = printers;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.terminalId = terminalId;
        this.wait = wait;
    }

    /** What the test of this device asks of the technician while it runs (an i18n key). */
    public static String prompt(Device device) {
        return switch (device.family()) {
            case ID_CARD_READER, SMART_CARD_READER -> "maintenance.selftest.place-card";
            case QR_SCANNER -> "maintenance.selftest.scan-code";
            case RATING_PAD -> "maintenance.selftest.press-key";
            case RECEIPT_PRINTER, DOCUMENT_PRINTER -> "maintenance.selftest.printing";
        };
    }

    /** Runs the device's test; never completes exceptionally. */
    public CompletableFuture<SelfTestResult> run(String deviceId) {
        Optional<? extends Device> found = devices.stream().filter(d -> d.id().equals(deviceId)).findFirst();
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(
                    audited(new SelfTestResult(deviceId, false, "maintenance.selftest.unknown-device", deviceId)));
        }
        Device device = found.get();
        if (!device.status().isUsable()) {
            return CompletableFuture.completedFuture(audited(new SelfTestResult(deviceId, false,
                    "maintenance.selftest.unusable", device.status().detail().name())));
        }
        CompletableFuture<SelfTestResult> test;
        try {
            test = switch (device.family()) {
                case RECEIPT_PRINTER, DOCUMENT_PRINTER -> print(device);
                case ID_CARD_READER, SMART_CARD_READER -> readCard(device);
                case QR_SCANNER -> scan((QrScanner) device);
                case RATING_PAD -> lightPad((RatingPad) device);
            };
        } catch (RuntimeException e) {
            LOG.error("Self-test of {} could not start", deviceId, e);
            test = CompletableFuture.completedFuture(
                    new SelfTestResult(deviceId, false, "maintenance.selftest.error", e.getClass().getSimpleName()));
        }
        return test.exceptionally(e -> {
            LOG.error("Self-test of {} failed", deviceId, e);
            return new SelfTestResult(deviceId, false, "maintenance.selftest.error", e.getClass().getSimpleName());
        }).thenApply(this::audited);
    }

    private CompletableFuture<SelfTestResult> print(Device printer) {
        String jobId = "selftest-" + printer.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return printers.printOn(printer.id(), testPage(printer, jobId), jobId).thenApply(result -> result instanceof
                PrintResult.Printed printed
                ? new SelfTestResult(printer.id(), true, "maintenance.selftest.printed", printed.jobId())
                : new SelfTestResult(printer.id(), false, "maintenance.selftest.print-failed",
                        ((PrintResult.Failed) result).reason().name()));
    }

    /** The test page (the hall's printer-test-page template): the same content on a receipt or on A4. */
    PrinterTestPageData testPage(Device printer, String jobId) {
        return new PrinterTestPageData(terminalId, printer.id(), printer.family().configName(), null,
                TIME.format(clock.instant().atZone(zone)), jobId);
    }

    private CompletableFuture<SelfTestResult> readCard(Device reader) {
        CompletableFuture<SelfTestResult> result = next(reader.id(), event -> {
            if (event instanceof DeviceEvent.IdCardRead read) {
                return new SelfTestResult(reader.id(), true, "maintenance.selftest.card-read",
                        read.card().documentType() + " " + read.card().maskedIdNumber());
            }
            if (event instanceof DeviceEvent.SmartCardRead read) {
                String number = read.fields().getOrDefault("card-number", "");
                return new SelfTestResult(reader.id(), true, "maintenance.selftest.card-read",
                        read.profileName() + " " + Masking.idNumber(number));
            }
            if (event instanceof DeviceEvent.IdCardRejected rejected) {
                return new SelfTestResult(reader.id(), false, "maintenance.selftest.card-rejected",
                        String.valueOf(rejected.rejection()));
            }
            return null;
        }, "maintenance.selftest.no-card");
        // Reading is off unless a screen asks for a card; the test asks, then switches it off again.
        setReading(reader, true);
        // The caller gets the result once reading is off again, not as soon as the card came.
        return result.whenComplete((r, e) -> setReading(reader, false));
    }

    private static void setReading(Device reader, boolean on) {
        if (reader instanceof IdCardReader id) {
            id.setReadingEnabled(on);
        } else if (reader instanceof SmartCardReader sc) {
            sc.setReadingEnabled(on);
        }
    }

    private CompletableFuture<SelfTestResult> scan(QrScanner scanner) {
        CompletableFuture<SelfTestResult> result = next(scanner.id(), event -> event instanceof DeviceEvent.QrScanned q
                ? new SelfTestResult(scanner.id(), true, "maintenance.selftest.scanned",
                        Masking.idNumber(q.payload()) + " (" + q.payload().length() + ")")
                : null, "maintenance.selftest.no-code");
        scanner.setReadingEnabled(true);
        return result.whenComplete((r, e) -> scanner.setReadingEnabled(false));
    }

    private CompletableFuture<SelfTestResult> lightPad(RatingPad pad) {
        String requestId = "selftest-" + UUID.randomUUID();
        CompletableFuture<SelfTestResult> result = next(pad.id(), event -> {
            if (event instanceof DeviceEvent.RatingEntered r && r.requestId().equals(requestId)) {
                return new SelfTestResult(pad.id(), true, "maintenance.selftest.rated", String.valueOf(r.level()));
            }
            if (event instanceof DeviceEvent.RatingCancelled c && c.requestId().equals(requestId)) {
                return new SelfTestResult(pad.id(), false, "maintenance.selftest.pad-cancelled", c.reason().name());
            }
            return null;
        }, "maintenance.selftest.no-key");
        pad.show(new RatingPad.RatingRequest(requestId, "设备测试 Test", "", terminalId, wait))
                .exceptionally(e -> {
                    result.complete(new SelfTestResult(pad.id(), false, "maintenance.selftest.error",
                            e.getClass().getSimpleName()));
                    return null;
                });
        return result.whenComplete((r, e) -> {
            if (r != null && !r.passed()) {
                pad.clear();
            }
        });
    }

    /**
     * The first event of the device that {@code judge} turns into a result, or a "nothing came" result after the
     * wait; the subscription ends either way.
     */
    private CompletableFuture<SelfTestResult> next(String deviceId, Function<DeviceEvent, SelfTestResult> judge,
            String timeoutKey) {
        CompletableFuture<SelfTestResult> result = new CompletableFuture<>();
        AutoCloseable subscription = bus.onEvent(event -> {
            if (event.deviceId().equals(deviceId)) {
                SelfTestResult r = judge.apply(event);
                if (r != null) {
                    result.complete(r);
                }
            }
        });
        result.completeOnTimeout(new SelfTestResult(deviceId, false, timeoutKey, wait.toSeconds() + " s"),
                wait.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> {
            try {
                subscription.close();
            } catch (Exception closeFailed) {
                LOG.warn("Self-test subscription of {} not closed: {}", deviceId, closeFailed.toString());
            }
        });
        return result;
    }

    private SelfTestResult audited(SelfTestResult r) {
        audit.record("maintenance-selftest", Map.of("device", r.deviceId(), "result", r.passed() ? "passed" : "failed",
                "outcome", r.messageKey()));
        return r;
    }
}
