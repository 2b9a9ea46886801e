package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.pdf.FontLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying, end to end on real parts: the case goes through the SQLite outbox to the embedded platform-server,
 * and the paper comes out of the receipt printer's simulator (parsed back from ESC/POS) or the A4 printer (PDF
 * read back with PDFBox).
 */
class ApplicationServiceTest {

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
    void theCitizensChoiceAboutSmsNoticesTravelsWithTheCase() throws Exception {
        ApplicationOutcome takes = service.submit(Applications.request(item, Applications::complete, false));
        ApplicationOutcome declines = service.submit(Applications.request(item, Applications::complete, false)
                .withSmsOptOut(true));
        assertThat(rig.storedSubmission(takes.submitted().idempotencyKey())).doesNotContain("smsOptOut");
        assertThat(rig.storedSubmission(declines.submitted().idempotencyKey())).contains("\"smsOptOut\":true");
    }

    @Test
    void aCompleteApplicationReachesThePlatformAndItsReceiptIsPrinted() throws Exception {
        ApplicationOutcome outcome = service.submit(Applications.request(item, Applications::complete, false));

        assertThat(outcome.queuedOffline()).isFalse();
        assertThat(outcome.needsSupplement()).isFalse();
        String number = outcome.caseNumber().orElseThrow();
        assertThat(outcome.promisedDate()).get().matches(d -> d.isAfter(LocalDate.now().minusDays(1)));
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        assertThat(outcome.printResult()).isEqualTo(new PrintResult.Printed("receipt-1", Medium.RECEIPT,
                "case-" + outcome.localReference() + "-acceptance_receipt", false));

        var receipt = rig.receiptSim.lastDocument().orElseThrow();
        LocalDate promised = outcome.promisedDate().get();
        String date = promised.getYear() + "年" + promised.getMonthValue() + "月" + promised.getDayOfMonth() + "日";
        assertThat(flat(receipt.text())).contains("受理回执", number, flat(item.name()), "张**", "110***********002X",
                "承诺办结：" + date + "前");
        assertThat(receipt.text()).as("personal data masked on the receipt")
                .doesNotContain("张三丰", JourneyRig.ID_NUMBER);
        assertThat(receipt.qrPayloads()).hasSize(2).first().isEqualTo(JourneyRig.QUERY_URL + number);
        // The rating code (评价二维码): the link the platform signed into its receipt, printed as it came.
        assertThat(receipt.qrPayloads().get(1)).matches("http://127\\.0\\.0\\.1:\\d+/rate\\?t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}");
        assertThat(rig.a4.jobs).isEmpty();

        String stored = rig.storedSubmission(outcome.submitted().idempotencyKey());
        assertThat(stored).contains(item.code(), "\"E_LICENCE\"", "resident-id", "2025-03-01", "13800138000")
                .doesNotContain("MISSING");
    }

    @Test
    void missingMaterialsAreAllListedOnTheOneTimeNotificationAndTheCaseIsKept() throws Exception {
        requireCjkFont();
        List<MaterialRequirement> absent = item.materials().stream().filter(m -> m.eLicence().isEmpty())
                .filter(m -> m.key() || m.deferrable()).toList();
        assertThat(absent).hasSizeGreaterThanOrEqualTo(2);

        ApplicationOutcome outcome = service.submit(Applications.request(item,
                m -> absent.contains(m) ? MaterialChoice.MISSING : Applications.complete(m), false));

        assertThat(outcome.needsSupplement()).isTrue();
        assertThat(outcome.missing()).extracting(MissingMaterial::name)
                .containsExactlyElementsOf(absent.stream().map(MaterialRequirement::name).toList());
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ONE_TIME_NOTIFICATION);
        assertThat(outcome.printResult()).isInstanceOfSatisfying(PrintResult.Printed.class,
                p -> assertThat(p.medium()).isEqualTo(Medium.A4));
        PrintJob job = rig.a4.jobs.get(0);
        assertThat(job.format()).isEqualTo(PrintJob.Format.PDF);
        String text = flat(JourneyRig.pdfText(job.data()));
        assertThat(text).contains("一次性告知书", outcome.caseNumber().orElseThrow(), item.name(), "张三丰");
        for (MaterialRequirement m : absent) {
            assertThat(text).contains(flat(m.name()), flat(m.requirement()));
        }
        assertThat(rig.receiptSim.printedDocuments()).as("nothing on the receipt printer").isEmpty();

        String stored = rig.storedSubmission(outcome.submitted().idempotencyKey());
        assertThat(stored.split("\"MISSING\"", -1)).hasSize(absent.size() + 1);
    }

    @Test
    void deferringAMaterialNeedsTheSignedCommitmentAndNothingIsQueuedWithoutIt() throws Exception {
        MaterialRequirement deferrable = item.materials().stream().filter(MaterialRequirement::deferrable)
                .findFirst().orElseThrow();
        ApplicationRequest unsigned = Applications.request(item,
                m -> m == deferrable ? MaterialChoice.DEFERRED : Applications.complete(m), false);

        assertThat(service.check(unsigned)).containsExactly(
                FieldProblem.of(FieldProblem.COMMITMENT, "apply.commitment.required"));
        InvalidApplicationException refused = catchThrowableOfType(() -> service.submit(unsigned),
                InvalidApplicationException.class);
        assertThat(refused.problems()).hasSize(1);
        assertThat(rig.outbox.status().waiting() + rig.outbox.status().confirmed()).as("nothing queued").isZero();

        ApplicationOutcome outcome = service.submit(Applications.request(item,
                m -> m == deferrable ? MaterialChoice.DEFERRED : Applications.complete(m), true));
        assertThat(outcome.deferred()).containsExactly(deferrable.name());
        assertThat(outcome.needsSupplement()).isFalse();
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        assertThat(rig.storedSubmission(outcome.submitted().idempotencyKey())).contains("WAIVED_BY_COMMITMENT");
    }

    @Test
    void anAcceptedCommitmentGoesWithTheCaseIsKeptByThePlatformAndPrintedAfterTheReceipt() throws Exception {
        MaterialRequirement deferrable = item.materials().stream().filter(MaterialRequirement::deferrable)
                .findFirst().orElseThrow();
        java.util.function.Function<MaterialRequirement, MaterialChoice> deferIt =
                m -> m == deferrable ? MaterialChoice.DEFERRED : Applications.complete(m);
        ApplicationRequest plain = Applications.request(item, deferIt, true);
        DeferralTerms terms = service.deferralTerms(item, plain.materials()).orElseThrow();
        assertThat(terms.materials()).containsExactly(deferrable.name());
        assertThat(terms.days()).isEqualTo(deferrable.deferralDays());
        java.time.Instant accepted = java.time.Instant.parse("2025-03-03T01:58:00Z");
        String shown = "本人承诺：在" + terms.deadline() + "前补交" + deferrable.name() + "（屏幕所示文本）";
        ApplicationRequest signed = new ApplicationRequest(plain.item(), plain.applicant(), plain.form(),
                plain.fromCard(), plain.materials(), true, plain.submissionKey(),
                java.util.Optional.of(new CommitmentAcceptance(shown, accepted)));

        ApplicationOutcome outcome = service.submit(signed);
        String number = outcome.caseNumber().orElseThrow();
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        assertThat(outcome.commitmentPaper()).get().extracting(JourneyPaper::kind)
                .isEqualTo(JourneyPaper.Kind.DEFERRAL_COMMITMENT);
        assertThat(outcome.commitmentPrint()).get().matches(PrintResult::printed);
        assertThat(rig.receiptSim.printedDocuments()).hasSize(2);
        String paper = flat(rig.receiptSim.lastDocument().orElseThrow().text());
        String deadline = terms.deadline().getYear() + "年" + terms.deadline().getMonthValue() + "月"
                + terms.deadline().getDayOfMonth() + "日";
        assertThat(paper).contains("容缺受理承诺书", number, flat(deferrable.name()),
                "补交期限：" + terms.days() + "个工作日内", "最迟补交：" + deadline, "逾期未补交的", "张**",
                DeferralTerms.TEXT_VERSION).doesNotContain("张三丰", "null", "${");

        String stored = rig.storedSubmission(outcome.submitted().idempotencyKey());
        assertThat(stored).contains("\"commitment\"", DeferralTerms.TEXT_VERSION, "屏幕所示文本",
                "\"" + terms.deadline() + "\"");
        CaseProgress kept = ((ProgressAnswer.Found) rig.progress().byNumber(number)).cases().get(0);
        assertThat(kept.deferral()).get().satisfies(d -> {
            assertThat(d.materials()).containsExactly(deferrable.name());
            assertThat(d.acceptedAt()).isEqualTo(accepted);
            assertThat(d.textVersion()).isEqualTo(DeferralTerms.TEXT_VERSION);
            assertThat(d.overdue()).isFalse();
        });
        assertThat(kept.commitmentPrintable()).isTrue();

        // Lost it? 办件查询 prints it again, with the platform's deadline.
        assertThat(rig.progress().printCommitment(kept).printed()).isTrue();
        assertThat(flat(rig.receiptSim.lastDocument().orElseThrow().text())).contains("容缺受理承诺书", number,
                flat(deferrable.name()), "最迟补交").doesNotContain("补交期限：", "null");
    }

    @Test
    void aJointCasesReceiptNamesItsLeadAndJointDepartmentsFromTheCatalog() throws Exception {
        CatalogItem joint = rig.item(i -> i.caseKind() == org.govkiosk.api.CaseKind.JOINT);
        assertThat(joint.coDepartments()).isNotEmpty();
        ApplicationOutcome outcome = service.submit(Applications.request(joint, Applications::complete, false));
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        String receipt = flat(rig.receiptSim.lastDocument().orElseThrow().text());
        assertThat(receipt).contains("受理回执", outcome.caseNumber().orElseThrow(), "牵头部门：" + joint.department(),
                "联办部门：" + String.join("、", joint.coDepartments()), "本事项为联办件");

        // Any other case's receipt names no departments.
        service.submit(Applications.request(item, Applications::complete, false));
        assertThat(flat(rig.receiptSim.lastDocument().orElseThrow().text())).contains("受理回执")
                .doesNotContain("牵头部门", "联办部门");
    }

    @Test
    void everyProblemIsReportedAtOnceAndAKeyMaterialCannotBeDeferred() {
        MaterialRequirement key = item.materials().stream().filter(m -> m.key() && m.eLicence().isEmpty())
                .findFirst().orElseThrow();
        ApplicationRequest good = Applications.request(item,
                m -> m == key ? MaterialChoice.DEFERRED : Applications.complete(m), true);
        Map<String, String> form = new HashMap<>(good.form());
        String dateField = item.form().stream().filter(f -> f.type() == org.govkiosk.app.catalog.FieldType.DATE)
                .findFirst().orElseThrow().key();
        String phoneField = item.form().stream().filter(f -> f.type() == org.govkiosk.app.catalog.FieldType.PHONE)
                .findFirst().orElseThrow().key();
        form.put(dateField, "2025-02-30");
        form.put(phoneField, "12345");
        ApplicationRequest bad = new ApplicationRequest(item, good.applicant(), form, good.fromCard(),
                good.materials(), true);

        assertThat(service.check(bad)).extracting(FieldProblem::target, FieldProblem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple(dateField, "apply.field.date"),
                        org.assertj.core.groups.Tuple.tuple(FieldProblem.material(item.materials().indexOf(key)),
                                "apply.material.not-deferrable"));
        // The phone came from identification but is the citizen's to correct: it is checked like any input.
        assertThat(service.check(bad)).extracting(FieldProblem::target).contains(phoneField);
    }

    @Test
    void withThePlatformDownTheCaseIsQueuedTheSlipSaysSoAndItGoesOutLater() throws Exception {
        rig.platform.stop();

        ApplicationOutcome outcome = service.submit(Applications.request(item, Applications::complete, false));

        assertThat(outcome.queuedOffline()).isTrue();
        assertThat(outcome.caseNumber()).isEmpty();
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.SUBMISSION_SLIP);
        assertThat(outcome.printResult().printed()).isTrue();
        String slip = flat(rig.receiptSim.lastDocument().orElseThrow().text());
        assertThat(slip).contains("待提交", "网络暂时中断", "自动提交", outcome.localReference(), flat(item.name()), "张**")
                .doesNotContain("张三丰", "受理回执", "承诺办结");
        assertThat(rig.receiptSim.lastDocument().orElseThrow().qrPayloads()).as("no case number, no QR").isEmpty();
        assertThat(rig.outbox.status().waiting()).isEqualTo(1);

        rig.platform.restart();
        rig.awaitDrained();
        rig.platform.stop();
        assertThat(rig.platform.storedKeys("cases")).containsExactly(
                Map.entry(outcome.submitted().idempotencyKey(), 1));
    }

    @Test
    void receiptPaperRunningOutMidReceiptReprintsItOnA4() throws Exception {
        requireCjkFont();
        rig.receiptSim.command("fault " + SimulatedEscPosPrinter.PAPER_OUT_MID_JOB);

        ApplicationOutcome outcome = service.submit(Applications.request(item, Applications::complete, false));

        assertThat(outcome.printResult()).isInstanceOfSatisfying(PrintResult.Printed.class, p -> {
            assertThat(p.medium()).isEqualTo(Medium.A4);
            assertThat(p.fellBack()).isTrue();
        });
        assertThat(rig.receiptSim.printedDocuments()).anySatisfy(d -> assertThat(d.torn()).isTrue());
        assertThat(flat(JourneyRig.pdfText(rig.a4.jobs.get(0).data()))).contains(outcome.caseNumber().orElseThrow());
    }

    @Test
    void withEveryPrinterOutTheCaseStillGoesAndThePaperIsReprintedOnceRefilled() throws Exception {
        rig.receiptSim.command("fault " + SimulatedEscPosPrinter.PAPER_OUT);
        rig.awaitReceiptPrinter(false);
        rig.a4.status = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);
        assertThat(service.canPrint()).isFalse();

        ApplicationOutcome outcome = service.submit(Applications.request(item, Applications::complete, false));

        assertThat(outcome.caseNumber()).as("the platform has it all the same").isPresent();
        assertThat(outcome.printResult()).isInstanceOfSatisfying(PrintResult.Failed.class, f -> {
            assertThat(f.messageKey()).isEqualTo("print.failed.no-printer");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(rig.receiptSim.printedDocuments()).isEmpty();

        rig.receiptSim.command("clear");
        rig.awaitReceiptPrinter(true);
        PrintResult again = service.reprint(outcome);
        assertThat(again.printed()).isTrue();
        assertThat(flat(rig.receiptSim.lastDocument().orElseThrow().text())).contains(outcome.caseNumber().get());
    }

    /** Paper wraps lines anywhere in Chinese text: compare without the breaks. */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void requireCjkFont() {
        try {
            FontLocator.system().locate();
        } catch (RuntimeException e) {
            Assumptions.abort("no TrueType CJK font on this machine: " + e.getMessage());
        }
    }
}
