package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxMessage;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 出证 reported: a certificate printed at the terminal is queued as one issuance and reaches the embedded
 * platform-server, which moves the case to 已出证; a print that failed reports nothing.
 */
class CertificateIssuanceReportTest {

    private static final byte[] CERTIFICATE = "%PDF-1.7\n% 办结证明 test\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private JourneyRig rig;
    private ProgressService progress;
    private String number;

    @BeforeEach
    void finishACase() throws Exception {
        rig = JourneyRig.start(dir);
        progress = rig.progress();
        number = rig.applications().submit(Applications.request(rig.item(Applications::promisedWithDeferrable),
                Applications::complete, false)).caseNumber().orElseThrow();
        rig.clerkFinishes(number, CERTIFICATE);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private List<OutboxEntry> issuances() {
        return rig.outbox.entries(EntryState.CONFIRMED).stream().filter(e -> e.kind() == EntryKind.ISSUANCE)
                .toList();
    }

    private List<OutboxEntry> queuedIssuances() {
        return rig.outbox.entries().stream().filter(e -> e.kind() == EntryKind.ISSUANCE).toList();
    }

    @Test
    void aPrintedCertificateQueuesOneIssuanceAndTheCaseBecomesIssued() throws Exception {
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.Printed.class);
        assertThat(queuedIssuances()).hasSize(1);
        rig.awaitDrained();
        assertThat(issuances()).singleElement().satisfies(e -> assertThat(e.reference()).contains(number));
        CaseView issued = rig.client.queryCase(number);
        assertThat(issued.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.history().get(issued.history().size() - 1).note())
                .contains(JourneyRig.TERMINAL, CertificateIssuances.sha256Hex(CERTIFICATE).substring(0, 12));
        assertThat(rig.platformRows("case_issuances", number)).isEqualTo(1);
        assertThat(CaseProgress.of(issued).printable()).as("an issued case can be printed again (补打)").isTrue();

        // 补打: a second print is a second issuance; the platform records it and the state stays.
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.Printed.class);
        rig.awaitDrained();
        assertThat(issuances()).hasSize(2);
        assertThat(rig.platformRows("case_issuances", number)).isEqualTo(2);
        assertThat(rig.client.queryCase(number).state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
    }

    @Test
    void aFailedPrintReportsNothing() throws Exception {
        rig.a4.failWith = DeviceStatusDetail.PAPER_JAM;
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.PrintFailed.class);
        rig.a4.failWith = null;
        rig.a4.status = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.PrintFailed.class);
        assertThat(rig.a4.jobs).as("the jammed job reached the printer; the second found none").hasSize(1);

        rig.awaitDrained();
        assertThat(queuedIssuances()).isEmpty();
        assertThat(rig.platformRows("case_issuances", number)).isZero();
        assertThat(rig.client.queryCase(number).state()).isEqualTo(CaseState.COMPLETED);
    }

    @Test
    void anIssuanceQueuedWhileThePlatformIsDownArrivesOnceItIsBack() throws Exception {
        rig.platform.stop();
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).as("no certificate can be fetched from a platform that is down")
                .isInstanceOf(CertificateOutcome.Unavailable.class);
        rig.platform.restart();
        // Fetched, then the platform goes away before the report is sent: it waits in the outbox, then arrives.
        byte[] pdf = rig.client.fetchCertificate(number,
                new org.govkiosk.api.HolderIdentity(org.govkiosk.api.IdType.RESIDENT_ID, JourneyRig.ID_NUMBER));
        rig.platform.stop();
        rig.issuances().printed(number, pdf, org.govkiosk.api.IssuanceRecipient.HOLDER);
        Await.until("the issuance tried twice", Duration.ofSeconds(20),
                () -> queuedIssuances().size() == 1 && queuedIssuances().get(0).attempts() >= 2);
        assertThat(queuedIssuances()).singleElement().satisfies(e -> assertThat(e.state())
                .isIn(EntryState.PENDING, EntryState.SENT));
        rig.platform.restart();
        rig.awaitDrained();
        Await.until("the issuance on the platform", Duration.ofSeconds(20),
                () -> rig.platformRows("case_issuances", number) == 1);
        assertThat(rig.client.queryCase(number).state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(issuances()).hasSize(1);
    }

    @Test
    void theQueuedReportCarriesTheCaseNumberAndTheDigestAndNothingOfTheCitizen() throws Exception {
        // An outbox of its own with no worker, so the queued payload can be read back before anything sends it.
        try (Outbox own = Outbox.open(dir.resolve("own.db"), new PayloadCipher(TestKeys.aes()), Clock.systemUTC())) {
            CertificateIssuances issuances = new CertificateIssuances(new PlatformQueue(own, () -> { },
                    JourneyRig.TERMINAL, Clock.systemUTC()), JourneyRig.TERMINAL, "HALL-TEST", Clock.systemUTC());
            CertificateIssuance queued = issuances.printed(number, CERTIFICATE,
                    org.govkiosk.api.IssuanceRecipient.HOLDER);
            OutboxMessage message = own.peek().orElseThrow();
            assertThat(message.entry().kind()).isEqualTo(EntryKind.ISSUANCE);
            assertThat(message.entry().idempotencyKey()).isEqualTo(queued.idempotencyKey());
            String json = new String(message.payload(), StandardCharsets.UTF_8);
            assertThat(ApiJson.strict().readValue(json, CertificateIssuance.class)).isEqualTo(queued);
            assertThat(json).contains(number, CertificateIssuances.sha256Hex(CERTIFICATE))
                    .doesNotContain(JourneyRig.ID_NUMBER, "张三丰", "13800138000");
            // To whom it went: the holder, by role; who the holder is the platform knows from the case.
            assertThat(ApiJson.strict().readTree(json).get("recipient").asText()).isEqualTo("HOLDER");
            assertThat(ApiJson.strict().readTree(json).size()).isEqualTo(8);
        }
    }
}
