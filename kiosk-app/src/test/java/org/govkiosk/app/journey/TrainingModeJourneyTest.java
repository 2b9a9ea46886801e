package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.training.TrainingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 培训模式 end to end on real parts: while the switch is on, an application reaches the embedded platform marked as
 * a practice case and its receipt comes out of the printer marked 培训 SPECIMEN at both ends; a rating stays on the
 * terminal; a ready PDF (a result) is stamped before it prints. Switched off, the next case is real again and its
 * receipt plain. The switch survives a restart, and says so in the audit log.
 */
class TrainingModeJourneyTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private ApplicationService service;
    private CatalogItem item;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        service = rig.applications();
        item = rig.item(Applications::promisedWithDeferrable);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aPracticeCaseIsFiledMarkedAndItsReceiptSaysSpecimenUntilTrainingEnds() throws Exception {
        rig.training.set(true, "maintenance (PIN)");
        ApplicationOutcome practice = service.submit(Applications.request(item, Applications::complete, false));
        String practiceNumber = practice.caseNumber().orElseThrow();
        assertThat(rig.platformTraining(practiceNumber)).as("stored as a practice case").isTrue();
        assertThat(rig.storedSubmission(practice.submitted().idempotencyKey())).contains("\"training\":true");
        String paper = ApplicationServiceTest.flat(rig.receiptSim.lastDocument().orElseThrow().text());
        assertThat(paper).contains("受理回执", practiceNumber);
        assertThat(paper.indexOf("培训SPECIMEN")).as("at the top, under a rule of stars").isBetween(0, 60);
        assertThat(paper.lastIndexOf("培训SPECIMEN")).as("and at the end").isGreaterThan(paper.length() - 120);

        rig.training.set(false, "maintenance (PIN)");
        ApplicationOutcome real = service.submit(Applications.request(item, Applications::complete, false));
        String realNumber = real.caseNumber().orElseThrow();
        assertThat(rig.platformTraining(realNumber)).isFalse();
        assertThat(rig.storedSubmission(real.submitted().idempotencyKey())).doesNotContain("training");
        assertThat(rig.receiptSim.lastDocument().orElseThrow().text()).doesNotContain("培训", "SPECIMEN");
        assertThat(rig.audited).containsExactly("training-mode-on {by=maintenance (PIN)}",
                "training-mode-off {by=maintenance (PIN)}");
    }

    @Test
    void aRatingInTrainingStaysOnTheTerminalAndAReadyPdfIsStamped() throws Exception {
        rig.training.set(true, "maintenance (PIN)");
        rig.queue.submitRating(new RatingSubmission("rating-practice", "P-1", "1", "ITEM", RealPlatform.HALL,
                JourneyRig.TERMINAL, null, null, RatingChannel.SELF_SERVICE_TERMINAL, 5, Map.of("OVERALL", 5),
                List.of(), null, true, Instant.now()));
        assertThat(rig.outbox.entries().stream().filter(e -> e.kind() == EntryKind.RATING)).as("no rating queued")
                .isEmpty();

        byte[] result = samplePdf();
        assertThat(rig.printing.printPdf(result, "result-1").get()).isInstanceOf(
                org.govkiosk.app.printing.PrintResult.Printed.class);
        byte[] printed = rig.a4.jobs.get(rig.a4.jobs.size() - 1).data();
        assertThat(printed).isNotEqualTo(result);
        assertThat(printed.length).as("the mark and its font were added").isGreaterThan(result.length);
    }

    @Test
    void theSwitchSurvivesARestartAndAnUnreadableOneStaysInTraining() throws Exception {
        Path data = Files.createDirectories(dir.resolve("other"));
        List<String> audit = new java.util.ArrayList<>();
        TrainingMode first = TrainingMode.open(data, (e, d) -> audit.add(e));
        assertThat(first.on()).isFalse();
        first.set(true, "maintenance (PIN)");
        assertThat(TrainingMode.open(data, (e, d) -> { }).on()).as("after a restart").isTrue();
        assertThat(Files.readString(data.resolve(TrainingMode.FILE)).strip()).isEqualTo("on");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(TrainingMode.FILE)))).isEqualTo("rw-------");
        first.set(false, "maintenance (PIN)");
        assertThat(TrainingMode.open(data, (e, d) -> { }).on()).isFalse();
        assertThat(audit).containsExactly("training-mode-on", "training-mode-off");

        Files.writeString(data.resolve(TrainingMode.FILE), "\u0000\u0000garbage");
        assertThat(TrainingMode.open(data, (e, d) -> { }).on())
                .as("a damaged switch errs on the side of training: no practice case counts as real").isTrue();
    }

    /** A one-page PDF as the platform would send a result. */
    private static byte[] samplePdf() throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
