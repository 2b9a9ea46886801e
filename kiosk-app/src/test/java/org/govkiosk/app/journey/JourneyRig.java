package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.PlatformOutboxSender;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterDriver;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;

/**
 * Real parts for the journeys: the reference platform-server embedded on loopback (H2 file), the terminal's signed
 * HTTP client, a SQLite outbox drained by its worker, the print service with the real receipt printer driver on
 * its ESC/POS simulator (what it printed is parsed back) and an A4 printer that keeps its PDFs; the repository's
 * catalog and templates.
 */
public final class JourneyRig implements AutoCloseable {

    public static final String TERMINAL = "T-JOURNEY";
    public static final String QUERY_URL = "https://zwfw.example.gov.cn/progress?c=";
    /** 张三丰's resident ID card, as the reader would return it (valid GB 11643 number). */
    public static final String ID_NUMBER = "11010519491231002X";

    public final RealPlatform platform;
    public final HttpPlatformClient client;
    public final Outbox outbox;
    public final OutboxWorker worker;
    public final PlatformQueue queue;
    /** The worker's listener: what the journeys wait on. */
    public final DeliveryWaits waits = new DeliveryWaits();
    public final SimulatedEscPosPrinter receiptSim = new SimulatedEscPosPrinter();
    public final ReceiptPrinterDriver receipt;
    public final RecordingDocumentPrinter a4 = new RecordingDocumentPrinter();
    public final PrintService printing;
    /** The terminal's training switch (off unless a test turns it on), kept in the rig's folder. */
    public final org.govkiosk.app.training.TrainingMode training;
    /** What the switch wrote to the audit log. */
    public final java.util.List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final JourneySettings settings;
    public final Catalog catalog;
    private final Path platformFile;
    /** Present when the client reaches the platform through a gateway whose case reads fail. */
    public final CaseReadsFailingGateway gateway;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    private JourneyRig(Path dir, boolean autoDecide, boolean caseReadsFail) throws Exception {
        platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")), autoDecide);
        platformFile = dir.resolve("platform").resolve("platform").toAbsolutePath();
        gateway = caseReadsFail ? CaseReadsFailingGateway.to(platform.baseUri()) : null;
        KeyPair keys = TerminalKeys.generate();
        client = new HttpPlatformClient(new PlatformClientConfig(gateway != null ? gateway.uri() : platform.baseUri(),
                Set.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(3), 1 << 16, 1 << 20), new RequestSigner(TERMINAL, keys.getPrivate(),
                Clock.systemUTC()));
        platform.register(client, TERMINAL, keys.getPublic());
        outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()), Clock.systemUTC());
        worker = new OutboxWorker(outbox, new PlatformOutboxSender(client), new Backoff(Duration.ofMillis(50),
                Duration.ofMillis(300), 0.2, RandomGenerator.getDefault()), Clock.systemUTC(), Duration.ofMillis(200),
                waits).start();
        queue = new PlatformQueue(outbox, worker::wake, TERMINAL, Clock.systemUTC());
        training = org.govkiosk.app.training.TrainingMode.open(Files.createDirectories(dir.resolve("terminal")),
                (event, details) -> audited.add(event + " " + details));
        queue.trainingFrom(training::on);

        PipeTransport[] pipe = PipeTransport.pair("receipt");
        receiptSim.attach(pipe[1]);
        DeviceConfig config = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(50), null,
                Map.of("min-poll-interval", "20", "response-timeout", "500"));
        receipt = new ReceiptPrinterDriver(config, pipe[0], new DeviceContext(scheduler, new DeviceEventBus(),
                Clock.systemUTC()));
        receipt.start();
        awaitReceiptPrinter(true);
        printing = new PrintService(TemplateRepository.load(Paths.get("../config/templates")),
                () -> new PdfRenderer(CjkFont.shared(FontLocator.system())),
                new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)), List.of(receipt), List.of(a4),
                Executors.newSingleThreadExecutor(), training::on,
                pdf -> org.govkiosk.print.pdf.SpecimenMark.stamp(pdf, CjkFont.shared(FontLocator.system()),
                        org.govkiosk.print.model.Document.SPECIMEN_TEXT));
        settings = new JourneySettings("示例市政务服务中心", "示例市人民大道88号政务服务中心一楼", "0571-12345678", TERMINAL,
                QUERY_URL, 5, Duration.ofSeconds(5), Duration.ofSeconds(30), ZoneId.of("Asia/Shanghai"));
        catalog = CatalogLoader.load(Paths.get("../config"));
    }

    public static JourneyRig start(Path dir) throws Exception {
        return new JourneyRig(dir, true, false);
    }

    /**
     * The terminal reaches the platform through a gateway that passes everything through but fails every read of
     * a case ({@code GET /api/v1/cases/{number}}) with 503.
     */
    public static JourneyRig startWithCaseReadsFailing(Path dir) throws Exception {
        return new JourneyRig(dir, true, true);
    }

    /** With {@code autoDecide} false the platform leaves 即办件 to a clerk (a department's own system). */
    public static JourneyRig start(Path dir, boolean autoDecide) throws Exception {
        return new JourneyRig(dir, autoDecide, false);
    }

    public SupplementService supplements() {
        return new SupplementService(queue, DeliveryTracker.of(outbox, waits, worker::consecutiveFailures), client,
                printing, settings,
                Clock.systemUTC());
    }

    /** Whether the platform stored the case as a practice case of a terminal in training mode. */
    public boolean platformTraining(String caseNumber) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + platformFile);
             PreparedStatement ps = c.prepareStatement("SELECT training FROM cases WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no case " + caseNumber + " on the platform");
                }
                return rs.getBoolean(1);
            }
        }
    }

    /** Rows of a platform table for one case, read with JDBC from the platform's own H2 file. */
    public int platformRows(String table, String caseNumber) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + platformFile);
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public ApplicationService applications() {
        return new ApplicationService(queue, DeliveryTracker.of(outbox, waits, worker::consecutiveFailures), client,
                printing, settings,
                Clock.systemUTC());
    }

    public ProgressService progress() {
        return new ProgressService(client, printing, settings, issuances());
    }

    /** Reports certificates printed here through this rig's outbox, as the hall this terminal is registered in. */
    public CertificateIssuances issuances() {
        return new CertificateIssuances(queue, TERMINAL, RealPlatform.HALL, Clock.systemUTC());
    }

    public void awaitReceiptPrinter(boolean usable) throws InterruptedException {
        Await.until("receipt printer usable: " + usable, Duration.ofSeconds(10),
                () -> receipt.status().isUsable() == usable, receipt::status);
        if (usable) {
            assertThat(receipt.status().status()).isIn(DeviceStatus.ONLINE, DeviceStatus.DEGRADED);
        }
    }

    /** The first catalog item that fits, so the tests follow the shipped catalog rather than a copy of it. */
    public CatalogItem item(Predicate<CatalogItem> fits) {
        return catalog.items().stream().filter(fits).findFirst()
                .orElseThrow(() -> new AssertionError("the catalog has no item for this test"));
    }

    public static IdCardData card() {
        return new IdCardData(IdCardData.DocumentType.RESIDENT_ID, "张三丰", IdCardData.Sex.MALE, "汉",
                LocalDate.of(1949, 12, 31), "北京市朝阳区某路1号", ID_NUMBER, "北京市公安局朝阳分局",
                LocalDate.of(2020, 1, 1), null, null, null, new byte[0]);
    }

    public static ApplicantIdentity applicant() {
        return ApplicantIdentity.of(card(), "13800138000");
    }

    /** A clerk refuses the case (不予受理) with its reason, legal basis and where to appeal. */
    public void clerkRefuses(String caseNumber, String reason, org.govkiosk.api.NonAcceptance refusal)
            throws Exception {
        var response = platform.clerk("POST", ApiPaths.clerkCaseTransitions(caseNumber), "application/json",
                ApiJson.lenient().writeValueAsBytes(CaseTransition.notAccepted(reason, refusal)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A clerk returns the case (退回件) with its written reasons, through the platform's clerk endpoint. */
    public void clerkReturns(String caseNumber, org.govkiosk.api.CaseReturn r) throws Exception {
        var response = platform.clerk("POST", ApiPaths.clerkCaseReturn(caseNumber), "application/json",
                ApiJson.lenient().writeValueAsBytes(r));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A clerk moves the case on, through the platform's clerk endpoint. */
    public void clerkMoves(String caseNumber, CaseState to, String note) throws Exception {
        var response = platform.clerk("POST", ApiPaths.clerkCaseTransitions(caseNumber), "application/json",
                ApiJson.lenient().writeValueAsBytes(new CaseTransition(to, note)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A department finishes the case (受理 → 审核 → 办结) and attaches {@code certificate} as its result. */
    public void clerkFinishes(String caseNumber, byte[] certificate) throws Exception {
        for (CaseState to : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            clerkMoves(caseNumber, to, null);
        }
        clerkAttachesCertificate(caseNumber, certificate);
    }

    public void clerkAttachesCertificate(String caseNumber, byte[] pdf) throws Exception {
        assertThat(platform.clerk("PUT", ApiPaths.clerkCaseCertificate(caseNumber), "application/pdf", pdf)
                .statusCode()).isEqualTo(204);
    }

    /**
     * The submission as the platform stored it (its JSON), read with JDBC from the platform's own H2 file: what
     * reached the platform is checked where the platform keeps it.
     */
    public String storedSubmission(String idempotencyKey) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + platformFile);
             PreparedStatement ps = c.prepareStatement("SELECT submission FROM cases WHERE idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("platform stored case " + idempotencyKey).isTrue();
                return rs.getString(1);
            }
        }
    }

    public static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public void awaitDrained() throws InterruptedException {
        Await.until("outbox drained", Duration.ofSeconds(20), () -> outbox.status().waiting() == 0, outbox::status);
    }

    @Override
    public void close() {
        worker.close();
        printing.close();
        receipt.close();
        receiptSim.close();
        scheduler.shutdownNow();
        outbox.close();
        if (gateway != null) {
            gateway.close();
        }
        platform.close();
    }
}
