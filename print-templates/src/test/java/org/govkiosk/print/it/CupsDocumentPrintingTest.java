package org.govkiosk.print.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.cups.CupsDocumentPrinterDriver;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped template, rendered, printed by the CUPS driver through a real cupsd of the test's own to a cups-pdf
 * queue, and read back from the PDF that came out: pdftotext finds the Chinese text, and the certificate's QR code
 * scans to the signed payload. Skips, saying what to install, where cupsd or cups-pdf are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CupsDocumentPrintingTest {

    private static final String QUEUE = "govkiosk-test";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final KeyPair KEYS = Samples.keyPair("ed25519");
    private static final CertificateSigner SIGNER = new CertificateSigner("hall-2025", KEYS.getPrivate());

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private PrivateCupsd cupsd;
    private CupsDocumentPrinterDriver driver;
    private TemplateRepository templates;
    private PdfRenderer renderer;

    @BeforeAll
    void startCupsd() throws Exception {
        String missing = PrivateCupsd.missingPrerequisite();
        assumeTrue(missing == null, () -> "CUPS printing test skipped: " + missing);
        templates = Samples.templates();
        renderer = new PdfRenderer(Samples.font());
        bus.onEvent(events::add);
        cupsd = PrivateCupsd.start(QUEUE);
        driver = driver(QUEUE);
        driver.start();
        await("the printer is online", () -> driver.status().status() == DeviceStatus.ONLINE, driver::status);
    }

    @AfterAll
    void stopCupsd() {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            scheduler.shutdownNow();
            if (cupsd != null) {
                cupsd.close();
            }
        }
    }

    private CupsDocumentPrinterDriver driver(String queue) {
        DeviceConfig config = new DeviceConfig("a4-1", DeviceFamily.DOCUMENT_PRINTER, "cups-pdf",
                new TransportConfig(TransportConfig.Kind.SYSTEM, queue, 0, null, 0), true, Duration.ofMillis(200),
                null, cupsd.driverOptions());
        return new CupsDocumentPrinterDriver(config, new DeviceContext(scheduler, bus, Clock.systemUTC()));
    }

    Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("receipt", Samples.receipt(), List.of("受理回执", "示例市政务服务中心",
                        Samples.CASE_NUMBER, "食品经营许可证核发（新办）", "张**", "110***********002X")),
                Arguments.of("notification", Samples.notification(Samples.materials()), List.of("一次性告知书",
                        "张三丰：", "经营场所平面图", "食品安全管理制度文本", "法定代表人身份证明")),
                Arguments.of("refusal", Samples.refusal(), List.of("不予受理通知书", "决定不予受理",
                        "示例市人民政府", "示例市西湖区人民法院")),
                Arguments.of("certificate", Samples.certificate(SIGNER), List.of("办结证明", "BJZM202503280007",
                        "张三丰", "准予许可，许可证编号JY13301000012345", "特此证明")),
                Arguments.of("queueslip", Samples.queueSlip(), List.of("排队号", "A027", "市场准入综合窗口")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyTemplatePrintsThroughCupsWithReadableChinese(String name, TemplateData data, List<String> expected)
            throws Exception {
        String jobId = "gk-" + name + "-" + System.nanoTime();
        Set<Path> before = outputFiles();

        PrintOutcome outcome = driver.print(new PrintJob(jobId, PrintJob.Format.PDF, renderer.render(
                templates.fill(data)))).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(outcome).as("outcome; cupsd log:\n%s", cupsd.log())
                .isInstanceOf(DeviceEvent.PrintCompleted.class);
        await("the job's event is published", () -> events.contains((DeviceEvent) outcome), events::toString);
        byte[] printed = printedPdf(before);
        String text = squeeze(pdftotext(printed));
        for (String e : expected) {
            assertThat(text).as("pdftotext of what cups-pdf printed for " + name).contains(squeeze(e));
        }
        if (name.equals("certificate")) {
            String scanned = PdfInspection.decodeQr(PdfInspection.renderPage(printed, 0, 200));
            VerificationResult result = new CertificateVerifier(Map.of("hall-2025", KEYS.getPublic()))
                    .verify(scanned);
            assertThat(result).isInstanceOf(VerificationResult.Valid.class);
            assertThat(((VerificationResult.Valid) result).payload()).isEqualTo(Samples.payload());
        }
    }

    /**
     * Issue 14, attack 6: cupsd keeps a job's document for a day and its history for ever by default (PreserveJobFiles,
     * PreserveJobHistory); a printed notice or certificate is a citizen's data. Once the job has ended the driver
     * purges it: cupsd's spool holds neither its document nor its control file.
     */
    @Test
    void aPrintedDocumentLeavesNothingInCupsdsSpool() throws Exception {
        PrintOutcome outcome = driver.print(new PrintJob("gk-purge-" + System.nanoTime(), PrintJob.Format.PDF,
                renderer.render(templates.fill(Samples.certificate(SIGNER))))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(outcome).as("outcome; cupsd log:\n%s", cupsd.log()).isInstanceOf(DeviceEvent.PrintCompleted.class);
        await("cupsd's spool holds no job file", () -> jobFiles().isEmpty(), this::jobFiles);
    }

    private List<String> jobFiles() {
        try (Stream<Path> files = Files.list(cupsd.spool())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[cd]\\d+(-\\d+)?")).sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPausedQueueTakesThePrinterOfflineAndFailsTheJobRetryably() throws Exception {
        Set<Path> before = outputFiles();
        cupsd.run("cupsdisable", "-r", "paper out (test)", QUEUE);
        try {
            await("the driver sees the paused queue", () -> driver.status().detail()
                    == DeviceStatusDetail.PRINTER_OFFLINE, driver::status);
            assertThat(driver.status().status()).isEqualTo(DeviceStatus.OFFLINE);

            PrintOutcome outcome = driver.print(new PrintJob("gk-paused", PrintJob.Format.PDF,
                    renderer.render(templates.fill(Samples.queueSlip())))).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class, f -> {
                assertThat(f.reason()).isEqualTo(DeviceStatusDetail.PRINTER_OFFLINE);
                assertThat(f.retryable()).isTrue();
            });
        } finally {
            cupsd.run("cupsenable", QUEUE);
        }
        await("the printer is back online", () -> driver.status().status() == DeviceStatus.ONLINE, driver::status);
        assertThat(newFiles(before)).as("nothing printed for the failed job").isEmpty();
    }

    @Test
    void aMissingQueueIsReportedAsNotFound() {
        CupsDocumentPrinterDriver missing = driver("no-such-queue");
        try {
            missing.start();
            await("the missing queue is reported", () -> missing.status().detail()
                    == DeviceStatusDetail.PORT_NOT_FOUND, missing::status);
            assertThat(missing.status().status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(missing.lastFailure()).hasValueSatisfying(e -> assertThat(e.isFatal()).isFalse());
        } finally {
            missing.close();
        }
    }

    /** The one PDF cups-pdf wrote since {@code before} was listed (tests print one job at a time). */
    private byte[] printedPdf(Set<Path> before) throws IOException {
        // cups-pdf has finished the file when CUPS reports the job completed; the wait only absorbs a slow disk.
        await("cups-pdf wrote the job's PDF", () -> newFiles(before).size() == 1, this::outputListing);
        return Files.readAllBytes(newFiles(before).get(0));
    }

    private List<Path> newFiles(Set<Path> before) {
        return outputFiles().stream().filter(p -> !before.contains(p)).toList();
    }

    private Set<Path> outputFiles() {
        try (Stream<Path> files = Files.list(cupsd.outputDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pdf")).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private String outputListing() {
        try (Stream<Path> files = Files.list(cupsd.outputDir())) {
            return files.map(p -> p.getFileName().toString()).toList() + "\n" + cupsd.log();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("printed-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
            assertThat(p.exitValue()).as("pdftotext exit code; output: %s", out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void await(String what, BooleanSupplier condition, java.util.function.Supplier<?> state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what + "; last seen: "
                        + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
