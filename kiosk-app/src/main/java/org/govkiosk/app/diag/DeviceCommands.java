package org.govkiosk.app.diag;

import java.nio.file.Path;
import org.govkiosk.print.template.TemplateException;
import org.govkiosk.print.template.TemplateRepository;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.personal.Masking;

/** {@code probe}, {@code read-id} and {@code test-page}: each opens one device with its driver and reports. */
final class DeviceCommands {

    private final DeviceConfig config;
    private final Duration timeout;
    private final PrintStream prompts;

    /** @param prompts where to ask the technician for something (standard error, so --json output stays clean) */
    DeviceCommands(DeviceConfig config, Duration timeout, PrintStream prompts) {
        this.config = config;
        this.timeout = timeout;
        this.prompts = prompts;
    }

    DiagResult probe() throws InterruptedException {
        try (DeviceSession session = DeviceSession.open(config)) {
            long started = System.nanoTime();
            session.start();
            DeviceStatusInfo status = session.awaitSettled(timeout);
            Map<String, Object> json = deviceJson(status, session);
            json.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
            List<String> text = new ArrayList<>(statusLines(status, session));
            boolean ok = status.isUsable();
            json.put("ok", ok);
            return new DiagResult(ok ? DiagCli.OK : DiagCli.FAULT, text, json);
        }
    }

    DiagResult readId() throws InterruptedException {
        try (DeviceSession session = DeviceSession.open(config)) {
            if (!(session.device() instanceof IdCardReader reader)) {
                return notA("an ID card reader", session.device());
            }
            CompletableFuture<DeviceEvent> read = new CompletableFuture<>();
            session.bus().onEvent(e -> {
                if (e instanceof DeviceEvent.IdCardRead || e instanceof DeviceEvent.IdCardRejected) {
                    read.complete(e);
                }
            });
            // A reader that fails while reading (bad checksum, truncated answer, SAM error) ends the wait at once:
            // without reconnects (diag has none) no card can come any more.
            CompletableFuture<DeviceStatusInfo> failed = new CompletableFuture<>();
            session.bus().onStatus(c -> {
                if (DeviceSession.settled(c.oldStatus()) && c.oldStatus().isUsable() && !c.newStatus().isUsable()) {
                    failed.complete(c.newStatus());
                }
            });
            session.start();
            DeviceStatusInfo status = session.awaitSettled(timeout);
            if (!status.isUsable()) {
                return fault(status, session, "the reader is not usable");
            }
            reader.setReadingEnabled(true);
            prompts.println("Place an ID card on " + config.id() + " (waiting " + timeout.toSeconds() + " s) ...");
            prompts.flush();
            Object first;
            try {
                first = CompletableFuture.anyOf(read, failed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return fault(session.device().status(), session, "no card read within " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new IllegalStateException("never completed exceptionally", e);
            } finally {
                reader.setReadingEnabled(false);
            }
            if (first instanceof DeviceStatusInfo broken) {
                return fault(broken, session, "the reader failed while reading: " + session.lastFailure()
                        .orElse(broken.detail().name()));
            }
            return cardResult((DeviceEvent) first, session);
        }
    }

    private DiagResult cardResult(DeviceEvent event, DeviceSession session) {
        Map<String, Object> json = deviceJson(session.device().status(), session);
        if (event instanceof DeviceEvent.IdCardRejected rejected) {
            json.put("ok", false);
            json.put("rejected", rejected.rejection().reason().name());
            json.put("detail", rejected.rejection().detail());
            json.put("idNumber", rejected.rejection().maskedIdNumber());
            return new DiagResult(DiagCli.FAULT, List.of("card rejected: " + rejected.rejection().reason() + " "
                    + rejected.rejection().detail() + " " + rejected.rejection().maskedIdNumber()), json);
        }
        IdCardData card = ((DeviceEvent.IdCardRead) event).card();
        // Masked here and nowhere else unmasked: the technician sees enough to recognise the card, no more.
        String name = Masking.name(card.name());
        String number = Masking.idNumber(card.idNumber());
        json.put("ok", true);
        json.put("documentType", card.documentType().name());
        json.put("name", name);
        json.put("idNumber", number);
        String photo = photo(card);
        json.put("photo", photo);
        return new DiagResult(DiagCli.OK, List.of("card read: " + card.documentType() + ", name " + name + ", number "
                + number, "photo: " + photo), json);
    }

    /**
     * Whether the card's photo can be decoded here: only with the reader vendor's licensed WLT library
     * ({@code options.photo-decoder}); the picture itself is never shown nor written.
     */
    private String photo(IdCardData card) {
        try {
            return DriverFactories.photoDecoder(config)
                    .map(decoder -> decoder.decode(card.rawPhoto())
                            .map(bmp -> "decoded by the configured library, 102x126 BMP of " + bmp.length + " bytes")
                            .orElse("the configured library could not decode it"))
                    .orElse("not decoded: no licensed WLT decoder library configured (options.photo-decoder); "
                            + card.rawPhoto().length + " bytes encoded");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** @param templatesDir the hall's templates; the page is their printer-test-page template */
    DiagResult testPage(Optional<TerminalConfig> terminal, Path templatesDir) throws InterruptedException {
        TemplateRepository templates;
        try {
            templates = TemplateRepository.load(templatesDir);
        } catch (TemplateException e) {
            return DiagResult.problems(DiagCli.CONFIG, "the templates in " + templatesDir.toAbsolutePath()
                    + " are not valid", e.problems());
        }
        try (DeviceSession session = DeviceSession.open(config)) {
            Device device = session.device();
            if (!(device instanceof ReceiptPrinter) && !(device instanceof DocumentPrinter)) {
                return notA("a receipt or document printer", device);
            }
            session.start();
            DeviceStatusInfo status = session.awaitSettled(timeout);
            if (!status.isUsable()) {
                return fault(status, session, "the printer is not usable");
            }
            TestPage page = new TestPage(config, terminal, templates, Instant.now());
            CompletableFuture<PrintOutcome> outcome = device instanceof ReceiptPrinter receipt
                    ? receipt.print(new PrintJob(page.jobId(), PrintJob.Format.ESC_POS, page.escPos()))
                    : ((DocumentPrinter) device).print(new PrintJob(page.jobId(), PrintJob.Format.PDF, page.pdf()));
            PrintOutcome result;
            try {
                result = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return fault(device.status(), session, "the page was not confirmed within " + timeout.toSeconds()
                        + " s");
            } catch (ExecutionException e) {
                return fault(device.status(), session, "printing failed: " + e.getCause());
            }
            Map<String, Object> json = deviceJson(device.status(), session);
            json.put("jobId", result.jobId());
            if (result instanceof DeviceEvent.PrintFailed failed) {
                json.put("ok", false);
                json.put("reason", failed.reason().name());
                json.put("retryable", failed.retryable());
                return new DiagResult(DiagCli.FAULT, List.of("test page " + result.jobId() + " failed: "
                        + failed.reason() + (failed.retryable() ? " (retryable)" : "")), json);
            }
            json.put("ok", true);
            return new DiagResult(DiagCli.OK, List.of("test page " + result.jobId() + " printed on " + config.id()),
                    json);
        }
    }

    private DiagResult notA(String what, Device device) {
        return DiagResult.problems(DiagCli.USAGE, config.id() + " is not " + what,
                List.of(config.id() + " is a " + device.family().configName()));
    }

    private DiagResult fault(DeviceStatusInfo status, DeviceSession session, String why) {
        Map<String, Object> json = deviceJson(status, session);
        json.put("ok", false);
        json.put("error", why);
        List<String> text = new ArrayList<>();
        text.add(why);
        text.addAll(statusLines(status, session));
        return new DiagResult(DiagCli.FAULT, text, json);
    }

    private Map<String, Object> deviceJson(DeviceStatusInfo status, DeviceSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", config.id());
        json.put("family", config.family().configName());
        json.put("model", config.model());
        json.put("transport", config.transport().describe());
        json.put("status", status.status().name());
        json.put("detail", status.detail().name());
        session.lastFailure().ifPresent(f -> json.put("lastFailure", f));
        return json;
    }

    private List<String> statusLines(DeviceStatusInfo status, DeviceSession session) {
        List<String> lines = new ArrayList<>();
        lines.add(config.id() + " (" + config.family().configName() + ", model " + config.model() + ", "
                + config.transport().describe() + "): " + status.status() + " " + status.detail());
        session.lastFailure().ifPresent(f -> lines.add("  last failure: " + f));
        return lines;
    }
}
