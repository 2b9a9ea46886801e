package org.govkiosk.app.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.journey.ApplicationService;
import org.govkiosk.app.journey.DeliveryTracker;
import org.govkiosk.app.journey.JourneySettings;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxSupervisor;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.PlatformOutboxSender;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterDriver;
import org.govkiosk.device.internal.driver.idcard.IdCardReaderDriver;
import org.govkiosk.device.internal.driver.idcard.IdCardReaderDriverFactory;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.shared.retry.Backoff;

/**
 * One self-service terminal as the soak drives it, headless: the ID card reader and the receipt printer are the
 * real drivers over their simulators (real byte protocols on in-memory pipes) under a device supervisor that
 * reconnects them; its own signing key, SQLite outbox and worker, HTTP client, print service, application
 * service, session manager and the rating screen's view model. What a terminal holds in a hall, minus the screen.
 */
final class SoakTerminal implements AutoCloseable {

    final String id;
    final SimulatedIdCardReader readerSim = SimulatedIdCardReader.withDemoCards();
    final SimulatedEscPosPrinter printerSim = new SimulatedEscPosPrinter();
    final IdCardReaderDriver reader;
    final ReceiptPrinterDriver printer;
    final Outbox outbox;
    /** As TerminalPlatform: the outbox worker under a supervisor that replaces it when stuck. */
    final OutboxSupervisor worker;
    final PlatformQueue queue;
    final PrintService printing;
    final ApplicationService applications;
    final SessionManager sessions;
    final CitizenSession citizen;
    final PadViewModel rating;
    /** ID card reads published by the reader's driver, taken by the session that placed the card. */
    final BlockingQueue<DeviceEvent.IdCardRead> reads = new LinkedBlockingQueue<>();
    private final DeviceSupervisor supervisor;
    private final ScheduledExecutorService scheduler;
    private final SoakLedger ledger;
    private final HttpPlatformClient client;
    private final DeliveryWaits waits = new DeliveryWaits();

    SoakTerminal(String id, Path dir, ChildPlatform platform, TemplateRepository templates, SoakLedger ledger)
            throws Exception {
        this.id = id;
        this.ledger = ledger;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, id + "-devices"));
        DeviceEventBus bus = new DeviceEventBus();
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.IdCardRead r) {
                reads.add(r);
            }
        });
        // As AppContext: one scheduler of two threads per terminal for its device handlers and supervisor.
        DeviceContext devices = new DeviceContext(scheduler, bus, Clock.systemUTC());
        PipeTransport[] readerPipe = PipeTransport.pair(id + "-idcard");
        readerSim.attach(readerPipe[1]);
        reader = (IdCardReaderDriver) new IdCardReaderDriverFactory().create(new DeviceConfig(id + "-idcard",
                DeviceFamily.ID_CARD_READER, null, TransportConfig.simulator(), true, Duration.ofMillis(50),
                Duration.ofSeconds(3), Map.of("response-timeout", "1000")), readerPipe[0], devices);
        PipeTransport[] printerPipe = PipeTransport.pair(id + "-receipt");
        printerSim.attach(printerPipe[1]);
        printer = new ReceiptPrinterDriver(new DeviceConfig(id + "-receipt", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(200), null,
                Map.of("min-poll-interval", "20", "response-timeout", "1000")), printerPipe[0], devices);
        supervisor = new DeviceSupervisor(scheduler, Clock.systemUTC(), new DeviceSupervisor.Settings(
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1), 50), Math::random);
        supervisor.register(reader);
        supervisor.register(printer);
        reader.start();
        printer.start();
        supervisor.start();

        KeyPair keys = TerminalKeys.generate();
        client = new HttpPlatformClient(new PlatformClientConfig(platform.baseUri(), Set.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1 << 16, 1 << 20),
                new RequestSigner(id, keys.getPrivate(), Clock.systemUTC()));
        platform.register(client, id, keys.getPublic());
        outbox = Outbox.open(Files.createDirectories(dir).resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                Clock.systemUTC());
        // Short backoff: outages in the soak last seconds, not the minutes of a hall.
        worker = OutboxSupervisor.start(() -> new OutboxWorker(outbox, new PlatformOutboxSender(client),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, RandomGenerator.getDefault()),
                Clock.systemUTC(), Duration.ofSeconds(1), waits),
                OutboxSupervisor.DEFAULT_STUCK_AFTER, OutboxSupervisor.DEFAULT_CHECK_EVERY,
                cause -> ledger.workerRestarted(id + ": " + cause));
        queue = new PlatformQueue(outbox, () -> worker.worker().wake(), id, Clock.systemUTC());
        printing = new PrintService(templates, () -> {
            throw new IllegalStateException("the soak terminal has no A4 printer");
        }, new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)), List.of(printer), List.of(),
                Executors.newSingleThreadExecutor(r -> daemon(r, id + "-print")));
        JourneySettings settings = new JourneySettings("示例市政务服务中心", "示例市人民大道88号政务服务中心一楼",
                "0571-12345678", id, "https://zwfw.example.gov.cn/progress?c=", 5, Duration.ofSeconds(3),
                Duration.ofSeconds(5), ZoneId.of("Asia/Shanghai"));
        applications = new ApplicationService(queue, DeliveryTracker.of(outbox, waits,
                () -> worker.worker().consecutiveFailures()), client, printing, settings,
                Clock.systemUTC());
        sessions = new SessionManager(Clock.systemUTC(), Duration.ofMinutes(2), Duration.ofSeconds(20));
        citizen = sessions.register(new CitizenSession());
        rating = new PadViewModel(new PadViewModel.PadIdentity(id, RealPlatform.HALL, id),
                RatingChannel.SELF_SERVICE_TERMINAL, r -> {
                    queue.submitRating(r);
                    ledger.ratingQueued(r.idempotencyKey());
                }, Clock.systemUTC(), Runnable::run, Duration.ofMinutes(2), Duration.ofSeconds(3));
        rating.connectionChanged(true);
        sessions.onEnd(reason -> rating.dismiss());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    SoakLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        supervisor.close();
        worker.close();
        printing.close();
        reader.close();
        printer.close();
        readerSim.close();
        printerSim.close();
        outbox.close();
        client.close();
        scheduler.shutdownNow();
    }
}
