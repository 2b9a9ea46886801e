package org.govkiosk.app.context;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.journey.ApplicationService;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.CertificateIssuances;
import org.govkiosk.app.journey.DeliveryTracker;
import org.govkiosk.app.journey.JourneySettings;
import org.govkiosk.app.journey.ProgressService;
import org.govkiosk.app.journey.SubmissionKeys;
import org.govkiosk.app.journey.SupplementService;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.scan.DocumentScanService;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.LicenceIdentification;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.device.DocumentCamera;

/**
 * The citizen's side: the session and its citizen, and the services of the journeys (applications, progress,
 * supplements, licences, material scans) with the threads they wait on: the journey thread (the platform and the
 * printers, never the FX thread) and the document camera's own thread (a citizen placing a page holds up no other
 * journey work).
 */
final class JourneysAssembly implements AutoCloseable {

    private final ExecutorRegistry threads;
    private final SessionManager sessions;
    private final CitizenSession citizen = new CitizenSession();
    private final ExecutorService journeyThread;
    private final ExecutorService scanThread;
    /** One case per person, item and day: a journey begun again after a timeout files the same case. */
    private final SubmissionKeys submissionKeys;
    private final CaseNumbers caseNumbers;
    private final LicenceIdentification licences;
    private final ApplicationService applications;
    private final ProgressService progress;
    private final SupplementService supplements;
    private final DocumentScanService scans;

    JourneysAssembly(TerminalConfig config, Clock clock, RecordsAssembly records, DevicesAssembly devices,
            OperationsAssembly operations, PrintingAssembly printing, PlatformLinkAssembly platform,
            ExecutorRegistry threads) {
        this.threads = threads;
        this.sessions = new SessionManager(clock, config.session().idleTimeout(), config.session().warning());
        var audit = records.audit();
        var metrics = operations.metrics();
        var usage = operations.usage();
        sessions.onEnd(reason -> {
            audit.record("session-ended", Map.of("reason", reason.name()));
            metrics.sessionEnded(reason.name());
            usage.sessionEnded(reason.name());
        });
        this.journeyThread = threads.singleThread("journey");
        this.scanThread = threads.singleThread("document-scan");
        this.submissionKeys = SubmissionKeys.keyed(records.keys().submissionKeySecret(), clock, ZoneId.systemDefault());

        var terminal = config.terminal();
        var session = config.session();
        JourneySettings settings = new JourneySettings(terminal.hallName(), terminal.hall().address(),
                terminal.hall().phone(), terminal.id(), terminal.hall().progressUrl(),
                terminal.hall().correctionDays(), session.deliveryWait(), session.printTimeout(),
                ZoneId.systemDefault(), config.calendar());
        TerminalPlatform link = platform.link();
        PlatformClient client = link.connectingClient();
        DeliveryTracker deliveries = DeliveryTracker.of(link.outbox(), link.deliveryWaits(),
                link::consecutiveFailures);
        var printer = printing.printing();
        this.caseNumbers = new CaseNumbers(terminal.hall().progressUrl());
        this.licences = new LicenceIdentification(client);
        this.applications = new ApplicationService(link.queue(), deliveries, client, printer, settings, clock);
        this.progress = new ProgressService(client, printer, settings,
                new CertificateIssuances(link.queue(), terminal.id(), terminal.hallCode(), clock));
        this.supplements = new SupplementService(link.queue(), deliveries, client, printer, settings, clock);
        this.scans = new DocumentScanService(devices.byFamily(DocumentCamera.class), Duration.ofSeconds(20));
    }

    SessionManager sessions() {
        return sessions;
    }

    CitizenSession citizen() {
        return citizen;
    }

    ExecutorService journeyThread() {
        return journeyThread;
    }

    /** The document camera's pages are taken here. */
    ExecutorService scanThread() {
        return scanThread;
    }

    SubmissionKeys submissionKeys() {
        return submissionKeys;
    }

    CaseNumbers caseNumbers() {
        return caseNumbers;
    }

    LicenceIdentification licences() {
        return licences;
    }

    ApplicationService applications() {
        return applications;
    }

    ProgressService progress() {
        return progress;
    }

    SupplementService supplements() {
        return supplements;
    }

    DocumentScanService scans() {
        return scans;
    }

    @Override
    public void close() {
        // A journey waiting on the platform or a printer, or a page being scanned, is interrupted at once: the
        // outbox keeps what was filed.
        threads.closeNow(journeyThread);
        threads.closeNow(scanThread);
    }
}
