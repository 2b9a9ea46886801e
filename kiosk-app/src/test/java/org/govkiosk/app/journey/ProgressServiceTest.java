package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.print.model.Medium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress queries and 自助出证 against the embedded platform-server, with a clerk moving the case on through
 * the platform's clerk endpoints as a department would.
 */
class ProgressServiceTest {

    private static final byte[] CERTIFICATE = "%PDF-1.7\n% 办结证明 test\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private JourneyRig rig;
    private ProgressService progress;
    private String number;
    private CatalogItem item;

    @BeforeEach
    void submitACase() throws Exception {
        rig = JourneyRig.start(dir);
        progress = rig.progress();
        item = rig.item(Applications::promisedWithDeferrable);
        number = rig.applications().submit(Applications.request(item, Applications::complete, false)).caseNumber()
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aSupplementRequestShowsWithItsWordsAndTheCaseIsFoundByTheIdCard() throws Exception {
        rig.clerkMoves(number, CaseState.NEEDS_SUPPLEMENT, "请补交解除劳动合同证明复印件1份");

        ProgressAnswer byNumber = progress.byNumber(number);
        assertThat(byNumber).isInstanceOfSatisfying(ProgressAnswer.Found.class, f -> {
            CaseProgress c = f.cases().get(0);
            assertThat(c.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
            assertThat(c.supplementRequest()).contains("请补交解除劳动合同证明复印件1份");
            assertThat(c.itemName()).isEqualTo(item.name());
            assertThat(c.applicantNameMasked()).startsWith("张").isNotEqualTo("张三丰");
            assertThat(c.promisedDate()).isPresent();
            assertThat(c.printable()).isFalse();
        });
        assertThat(progress.byApplicant(JourneyRig.applicant())).isInstanceOfSatisfying(ProgressAnswer.Found.class,
                f -> assertThat(f.cases()).extracting(CaseProgress::caseNumber).containsExactly(number));
    }

    @Test
    void aFinishedCasesCertificateIsPrintedOnA4AndNotBefore() throws Exception {
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.NotReady.class);
        for (CaseState to : new CaseState[] {CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED}) {
            rig.clerkMoves(number, to, null);
        }
        rig.clerkAttachesCertificate(number, CERTIFICATE);

        CaseProgress done = ((ProgressAnswer.Found) progress.byNumber(number)).cases().get(0);
        assertThat(done.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(done.printable()).isTrue();

        CertificateOutcome printed = progress.printCertificate(number, JourneyRig.applicant());
        assertThat(printed).isInstanceOfSatisfying(CertificateOutcome.Printed.class,
                p -> assertThat(p.result().medium()).isEqualTo(Medium.A4));
        assertThat(rig.a4.jobs).singleElement().satisfies(j -> {
            assertThat(j.data()).isEqualTo(CERTIFICATE);
            assertThat(j.jobId()).isEqualTo("certificate-" + number);
        });

        rig.a4.status = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_JAM);
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOfSatisfying(CertificateOutcome.PrintFailed.class,
                f -> assertThat(f.result().messageKey()).isEqualTo("print.failed.no-a4-printer"));
    }

    @Test
    void anImmediateCaseDecidedAtOnceHasItsResultReadyAndPrintsIt() throws Exception {
        CatalogItem immediate = rig.item(Applications::immediatePrintable);
        String decided = rig.applications().submit(Applications.request(immediate, Applications::complete, false))
                .caseNumber().orElseThrow();

        assertThat(progress.awaitResult(decided, java.time.Duration.ofSeconds(5))).isEqualTo(ResultReadiness.READY);
        CaseProgress c = ((ProgressAnswer.Found) progress.byNumber(decided)).cases().get(0);
        assertThat(c.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(c.printable()).isTrue();
        assertThat(progress.printCertificate(decided, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.Printed.class);
        String text = JourneyRig.pdfText(rig.a4.jobs.get(rig.a4.jobs.size() - 1).data()).replaceAll("\\s+", "");
        assertThat(text).contains("办结证明", decided, immediate.name().replaceAll("\\s+", ""), "110***********002X")
                .doesNotContain(JourneyRig.ID_NUMBER);

        // A case no one decided yet stays pending for the whole wait; a platform that is down says so at once.
        assertThat(progress.awaitResult(number, java.time.Duration.ofMillis(700)))
                .isEqualTo(ResultReadiness.PENDING);
        rig.platform.stop();
        assertThat(progress.awaitResult(decided, java.time.Duration.ofSeconds(5)))
                .isEqualTo(ResultReadiness.UNREACHABLE);
    }

    @Test
    void anUnknownNumberIsNotFoundAndADownPlatformIsUnavailable() {
        assertThat(progress.byNumber("GK20990101000000000000")).isInstanceOf(ProgressAnswer.NotFound.class);

        rig.platform.stop();
        assertThat(progress.byNumber(number)).isEqualTo(new ProgressAnswer.Unavailable(true));
        assertThat(progress.byApplicant(JourneyRig.applicant())).isEqualTo(new ProgressAnswer.Unavailable(true));
        assertThat(progress.printCertificate(number, JourneyRig.applicant())).isInstanceOf(CertificateOutcome.Unavailable.class);
    }

    @Test
    void theCertificatePrintsForItsHolderOnlyHoweverIdentified() throws Exception {
        for (CaseState to : new CaseState[] {CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED}) {
            rig.clerkMoves(number, to, null);
        }
        rig.clerkAttachesCertificate(number, CERTIFICATE);

        // Someone else, identified at the terminal with their own card, holding the receipt: refused, nothing printed.
        ApplicantIdentity other = new ApplicantIdentity(org.govkiosk.api.IdType.RESIDENT_ID, "110101199003074514",
                "李四", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), true);
        assertThat(progress.printCertificate(number, other)).isInstanceOf(CertificateOutcome.NotTheHolder.class);
        // The same ID number under another document type is another person's key.
        ApplicantIdentity otherType = new ApplicantIdentity(org.govkiosk.api.IdType.FOREIGN_PERMANENT_RESIDENT,
                JourneyRig.ID_NUMBER, "张三", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), true);
        assertThat(progress.printCertificate(number, otherType)).isInstanceOf(CertificateOutcome.NotTheHolder.class);
        assertThat(rig.a4.jobs).isEmpty();

        // The holder, identified by social security card or e-licence (the same ID number, in lower case even).
        ApplicantIdentity holderBySmartCard = new ApplicantIdentity(org.govkiosk.api.IdType.RESIDENT_ID,
                JourneyRig.ID_NUMBER.toLowerCase(java.util.Locale.ROOT), JourneyRig.applicant().name(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), true);
        assertThat(progress.printCertificate(number, holderBySmartCard)).isInstanceOf(CertificateOutcome.Printed.class);
        assertThat(rig.a4.jobs).hasSize(1);
    }

    @Test
    void aRefusedCasePrintsItsNonAcceptanceNoticeOnA4AsOftenAsAsked() throws Exception {
        rig.clerkRefuses(number, "所申请事项依法不属于本机关职权范围", new NonAcceptance("示例市人力资源和社会保障局",
                "《中华人民共和国行政许可法》第三十二条第一款第（二）项", "示例市人民政府", "示例市西湖区人民法院",
                "示人社不受〔2026〕第0007号"));

        CaseProgress refused = ((ProgressAnswer.Found) progress.byNumber(number)).cases().get(0);
        assertThat(refused.state()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(refused.refusalNoticePrintable()).isTrue();
        assertThat(refused.printable()).isFalse();

        assertThat(progress.printRefusalNotice(refused)).isInstanceOf(PrintResult.Printed.class);
        assertThat(rig.a4.jobs).singleElement().satisfies(j -> assertThat(j.jobId()).startsWith("non-acceptance-"));
        String text = JourneyRig.pdfText(rig.a4.jobs.get(0).data()).replaceAll("\\s+", "");
        assertThat(text).contains("不予受理通知书", "示例市人力资源和社会保障局", "示人社不受〔2026〕第0007号", number,
                item.name().replaceAll("\\s+", ""), "因所申请事项依法不属于本机关职权范围",
                "依据《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，决定不予受理",
                "六十日内向示例市人民政府申请行政复议", "六个月内依法向示例市西湖区人民法院提起行政诉讼")
                .doesNotContain(JourneyRig.ID_NUMBER);

        // Lost it? 办件查询 prints it again.
        assertThat(progress.printRefusalNotice(refused)).isInstanceOf(PrintResult.Printed.class);
        assertThat(rig.a4.jobs).hasSize(2);
    }

    @Test
    void aRefusalWithoutTheDepartmentsLegalBasisHasNoNoticeToPrint() throws Exception {
        rig.clerkMoves(number, CaseState.NOT_ACCEPTED, "材料不全且逾期未补正");
        CaseProgress refused = ((ProgressAnswer.Found) progress.byNumber(number)).cases().get(0);
        assertThat(refused.reason()).contains("材料不全且逾期未补正");
        assertThat(refused.refusalNoticePrintable()).isFalse();
    }

    @Test
    void aReturnedCaseShowsEachReasonAndPrintsItsReturnNoticeOnA4AsOftenAsAsked() throws Exception {
        rig.clerkMoves(number, CaseState.ACCEPTED, null);
        rig.clerkReturns(number, new org.govkiosk.api.CaseReturn("示例市人力资源和社会保障局", "工号0127",
                java.util.List.of("解除劳动合同证明未加盖单位公章", "申请表缴费档次与所附材料不一致"), "请补齐盖章材料后重新申报"));

        CaseProgress returned = ((ProgressAnswer.Found) progress.byNumber(number)).cases().get(0);
        assertThat(returned.state()).isEqualTo(CaseState.RETURNED);
        assertThat(returned.returnNoticePrintable()).isTrue();
        assertThat(returned.returned().orElseThrow().reasons()).containsExactly("解除劳动合同证明未加盖单位公章",
                "申请表缴费档次与所附材料不一致");
        assertThat(returned.refusalNoticePrintable()).isFalse();
        assertThat(returned.printable()).isFalse();
        assertThat(returned.rateable()).isFalse();

        assertThat(progress.printReturnNotice(returned)).isInstanceOf(PrintResult.Printed.class);
        assertThat(rig.a4.jobs).singleElement().satisfies(j -> assertThat(j.jobId()).startsWith("return-notice-"));
        String text = JourneyRig.pdfText(rig.a4.jobs.get(0).data()).replaceAll("\\s+", "");
        assertThat(text).contains("退回通知", "示例市人力资源和社会保障局", number, item.name().replaceAll("\\s+", ""),
                "因以下原因予以退回", "1解除劳动合同证明未加盖单位公章", "2申请表缴费档次与所附材料不一致",
                "办理部门意见：请补齐盖章材料后重新申报", "重新申报")
                .doesNotContain(JourneyRig.ID_NUMBER, "工号0127", "null", "${");

        assertThat(progress.printReturnNotice(returned)).isInstanceOf(PrintResult.Printed.class);
        assertThat(rig.a4.jobs).hasSize(2);
    }

    @Test
    void aCaseTheDepartmentAsksToCompletePrintsTheOneTimeNotificationOfWhatIsMissing() throws Exception {
        int index = 0;
        while (item.materials().get(index).key() || item.materials().get(index).eLicence().isPresent()) {
            index++;
        }
        var asked = item.materials().get(index);
        String code = String.format("M%02d", index + 1);
        var response = rig.platform.clerk("POST", org.govkiosk.api.ApiPaths.clerkCaseTransitions(number),
                "application/json", org.govkiosk.api.ApiJson.lenient().writeValueAsBytes(new org.govkiosk.api
                        .CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, java.util.List.of(code))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        CaseProgress waiting = ((ProgressAnswer.Found) progress.byNumber(number)).cases().get(0);
        assertThat(waiting.supplementNoticePrintable()).isTrue();
        assertThat(progress.printSupplementNotice(waiting, java.util.Optional.of(item)))
                .isInstanceOf(PrintResult.Printed.class);
        String text = JourneyRig.pdfText(rig.a4.jobs.get(0).data()).replaceAll("\\s+", "");
        assertThat(text).contains("一次性告知书", item.department(), number, asked.name().replaceAll("\\s+", ""),
                asked.requirement().replaceAll("\\s+", "").substring(0, 4), "个工作日内", "以上为需要补正的全部材料")
                .doesNotContain(JourneyRig.ID_NUMBER, "null", "${");

        // Without the catalog's entry the notice still lists the material, with the department's own words.
        assertThat(progress.printSupplementNotice(waiting, java.util.Optional.empty()))
                .isInstanceOf(PrintResult.Printed.class);
        assertThat(JourneyRig.pdfText(rig.a4.jobs.get(1).data()).replaceAll("\\s+", ""))
                .contains(asked.name().replaceAll("\\s+", ""), "按办理部门要求提交");
    }
}
