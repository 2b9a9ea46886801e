package org.govkiosk.app.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.DeferralCommitmentData;
import org.govkiosk.print.data.DeferredMaterial;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.data.NonAcceptanceNoticeData;
import org.govkiosk.print.data.OneTimeNotificationData;
import org.govkiosk.print.data.ReturnNoticeData;
import org.govkiosk.print.data.ReturnReason;
import org.govkiosk.print.data.SubmissionSlipData;

/**
 * Builds what an application prints: the acceptance receipt (the hall's template), the one-time notification (the
 * hall's template) and, when the platform has not answered yet, the submission slip (the hall's template) that says
 * so plainly. Paper
 * stays in Chinese, as official paper in the hall is; the applicant appears masked on anything receipt-sized
 * (it may be left at the terminal).
 */
final class JourneyPapers {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final JourneySettings settings;

    JourneyPapers(JourneySettings settings) {
        this.settings = settings;
    }

    /** What the one-time notification lists for a material: its form, copies and requirement in one line. */
    static MissingMaterial missing(MaterialRequirement m) {
        String requirement = m.form().label() + " " + m.copies() + " 份"
                + (m.requirement() == null || m.requirement().isBlank() ? "" : "；" + m.requirement());
        return new MissingMaterial(m.name(), requirement);
    }

    /** Until the platform gives a number: the first 8 characters of the case's local id, which the slip shows. */
    static String localReference(Case c) {
        String id = c.localId().replace("-", "");
        return id.substring(0, Math.min(8, id.length())).toUpperCase(Locale.ROOT);
    }

    /**
     * The acceptance receipt, from the platform's receipt: its case number, when it took the case, the promise; a
     * 联办件's also names its lead and joint departments.
     */
    JourneyPaper receipt(CatalogItem item, ApplicantIdentity who, CaseReceipt platformReceipt) {
        LocalDateTime acceptedAt = LocalDateTime.ofInstant(platformReceipt.acceptedAt(), settings.zone());
        String caseNumber = platformReceipt.caseNumber();
        // 联办件: the receipt names the lead department and the joint ones (catalog department, co-departments).
        boolean joint = item.caseKind() == org.govkiosk.api.CaseKind.JOINT && !item.coDepartments().isEmpty();
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ACCEPTANCE_RECEIPT, new AcceptanceReceiptData(
                settings.hallName(), caseNumber, item.name(), MaskedText.name(who.name()),
                MaskedText.idNumber(who.idNumber()), acceptedAt.withSecond(0).withNano(0),
                platformReceipt.promisedDate(), settings.progressUrl(caseNumber), settings.hallAddress(),
                settings.hallPhone(), settings.terminalId(), platformReceipt.ratingUrl(), joint ? item.department() : null,
                joint ? String.join("、", item.coDepartments()) : null));
    }

    JourneyPaper notification(CatalogItem item, ApplicantIdentity who, Case submitted, Optional<String> caseNumber,
            List<MissingMaterial> missing, LocalDate today) {
        String number = caseNumber.orElse("待网络恢复后生成，本机受理号 " + localReference(submitted));
        String phone = item.contacts().consult().phone();
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ONE_TIME_NOTIFICATION, new OneTimeNotificationData(
                item.department(), "告知书编号：" + caseNumber.orElse(localReference(submitted)), who.name(), number,
                item.name(), LocalDate.ofInstant(submitted.createdAt(), settings.zone()), missing,
                settings.correctionDays(), settings.correctionDeadline(today), settings.hallAddress(), phone == null || phone.isBlank()
                        ? settings.hallPhone() : phone, today));
    }

    /**
     * The 不予受理通知书 of a refused case, from the department's decision as the platform holds it: the reason (the
     * case's note), the legal basis and where to appeal. Addressed to the applicant by the masked name the platform
     * shows (the terminal prints it for whoever queries the case, as the screen shows the same); without a seal,
     * which only the department's own notice carries.
     */
    static JourneyPaper refusalNotice(CaseProgress refused, JourneySettings settings) {
        if (!refused.refusalNoticePrintable()) {
            throw new IllegalArgumentException("case " + refused.caseNumber() + " has no refusal to print");
        }
        var decision = refused.refusal().orElseThrow();
        LocalDate decided = refused.decidedAt().map(t -> LocalDate.ofInstant(t, settings.zone()))
                .orElse(LocalDate.now(settings.zone()));
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.NON_ACCEPTANCE_NOTICE, new NonAcceptanceNoticeData(
                decision.department(), decision.noticeNumber(), refused.applicantNameMasked().isBlank() ? "申请人"
                        : refused.applicantNameMasked(), refused.caseNumber(), refused.itemName(),
                LocalDate.ofInstant(refused.submittedAt(), settings.zone()), refused.reason().orElseThrow(),
                decision.legalBasis(), decision.reviewAuthority(), decision.court(), settings.hallPhone(), decided,
                null));
    }

    /**
     * The 补正 notice of a case the department asked to complete (补办件): the hall's one-time notification (一次性告知书)
     * listing every material the platform says is still missing, with the requirement the catalog gives each (by its
     * position, the case's material code M01, M02 ...), the correction days counted from today (the day it is
     * handed over) on the working calendar. Addressed by the masked name; {@code item} is this terminal's catalog
     * entry of the case's item, when it has one (its department and consult phone).
     */
    static JourneyPaper supplementNotice(CaseProgress c, Optional<CatalogItem> item, JourneySettings settings,
            LocalDate today) {
        if (!c.supplementNoticePrintable()) {
            throw new IllegalArgumentException("case " + c.caseNumber() + " waits for no named materials");
        }
        List<MissingMaterial> missing = c.missingMaterials().stream().map(m -> item.flatMap(i -> requirement(i,
                m.code())).map(JourneyPapers::missing).orElse(new MissingMaterial(m.name(), "按办理部门要求提交")))
                .toList();
        String phone = item.map(i -> i.contacts().consult().phone()).filter(p -> p != null && !p.isBlank())
                .orElse(settings.hallPhone());
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ONE_TIME_NOTIFICATION, new OneTimeNotificationData(
                item.map(CatalogItem::department).orElse(settings.hallName()), "告知书编号：" + c.caseNumber(),
                c.applicantNameMasked(), c.caseNumber(), c.itemName(),
                LocalDate.ofInstant(c.submittedAt(), settings.zone()), missing, settings.correctionDays(),
                settings.correctionDeadline(today), settings.hallAddress(), phone, today));
    }

    /** The catalog's material of a case's material code (M01 is the item's first), if the code is one. */
    private static Optional<MaterialRequirement> requirement(CatalogItem item, String code) {
        if (code == null || !code.matches("M[0-9]{2}")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(code.substring(1)) - 1;
        return index >= 0 && index < item.materials().size() ? Optional.of(item.materials().get(index))
                : Optional.empty();
    }

    /** 2025年10月10日, as papers and the commitment's Chinese wording write a date. */
    static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /**
     * The 容缺受理承诺书 printed with the application's paper: the deferred materials, the days and the last day, the
     * acceptance's time and text version; the case number, or the terminal's reference while the platform has not
     * answered.
     */
    JourneyPaper commitment(CatalogItem item, ApplicantIdentity who, Case submitted, Optional<String> caseNumber,
            DeferralTerms terms, Instant acceptedAt) {
        String number = caseNumber.orElse("待网络恢复后生成，本机受理号 " + localReference(submitted));
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.DEFERRAL_COMMITMENT, new DeferralCommitmentData(
                settings.hallName(), item.department(), number, item.name(), MaskedText.name(who.name()),
                terms.materials().stream().map(DeferredMaterial::new).toList(), terms.days(), terms.deadline(),
                LocalDateTime.ofInstant(acceptedAt, settings.zone()).withSecond(0).withNano(0),
                DeferralTerms.TEXT_VERSION, settings.hallPhone(), settings.progressUrl(caseNumber.orElse(""))));
    }

    /**
     * The 容缺受理承诺书 again, from 办件查询: what the platform keeps of the commitment (materials, its deadline, the
     * acceptance); the days are not repeated, the last day is the platform's, and the department is left out (the
     * platform's view of a case does not name it).
     */
    static JourneyPaper commitmentAgain(CaseProgress c, JourneySettings settings) {
        var d = c.deferral().orElseThrow(() -> new IllegalArgumentException("case " + c.caseNumber()
                + " deferred nothing"));
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.DEFERRAL_COMMITMENT, new DeferralCommitmentData(
                settings.hallName(), null, c.caseNumber(), c.itemName(), MaskedText.name(c.applicantNameMasked()),
                d.materials().stream().map(DeferredMaterial::new).toList(), null, d.deadline(),
                LocalDateTime.ofInstant(d.acceptedAt(), settings.zone()).withSecond(0).withNano(0), d.textVersion(),
                settings.hallPhone(), settings.progressUrl(c.caseNumber())));
    }

    /**
     * The 退回通知 of a returned case (退回件), from the department's return as the platform holds it: each written
     * reason on its own line, the department's words on what to do next if it gave any, and the hall where the
     * applicant can apply again. Addressed by the masked name the platform shows.
     */
    static JourneyPaper returnNotice(CaseProgress returned, JourneySettings settings) {
        if (!returned.returnNoticePrintable()) {
            throw new IllegalArgumentException("case " + returned.caseNumber() + " was not returned with reasons");
        }
        var notice = returned.returned().orElseThrow();
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.RETURN_NOTICE, new ReturnNoticeData(
                notice.department(), returned.applicantNameMasked().isBlank() ? "申请人"
                        : returned.applicantNameMasked(), returned.caseNumber(), returned.itemName(),
                LocalDate.ofInstant(returned.submittedAt(), settings.zone()),
                notice.reasons().stream().map(ReturnReason::new).toList(), notice.nextSteps(),
                settings.hallAddress(), settings.hallPhone(), LocalDate.ofInstant(notice.returnedAt(), settings.zone())));
    }

    /**
     * The slip for a case the platform has not confirmed: no promise the terminal cannot keep (no date, no
     * "accepted"), only that the application is kept and goes out by itself, and how to follow it.
     *
     * @param caseNumber present when the platform gave a number but its details could not be read
     */
    JourneyPaper slip(CatalogItem item, ApplicantIdentity who, Case submitted, Optional<String> caseNumber,
            boolean refused, Instant at) {
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.SUBMISSION_SLIP, SubmissionSlipData.of(
                settings.hallName(), caseNumber.orElse(null), localReference(submitted), item.name(),
                MaskedText.name(who.name()), MaskedText.idNumber(who.idNumber()),
                LocalDateTime.ofInstant(at, settings.zone()).format(MINUTE),
                caseNumber.map(settings::progressUrl).orElse(null), settings.hallAddress(), settings.hallPhone(),
                settings.terminalId(), refused));
    }
}
