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
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.data.OneTimeNotificationData;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.model.Align;

/**
 * Builds what an application prints: the acceptance receipt (the hall's template), the one-time notification (the
 * hall's template) and, when the platform has not answered yet, a slip built here that says so plainly. Paper
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

    /** The acceptance receipt, from the platform's receipt: its case number, when it took the case, the promise. */
    JourneyPaper receipt(CatalogItem item, ApplicantIdentity who, CaseReceipt platformReceipt) {
        LocalDateTime acceptedAt = LocalDateTime.ofInstant(platformReceipt.acceptedAt(), settings.zone());
        String caseNumber = platformReceipt.caseNumber();
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ACCEPTANCE_RECEIPT, new AcceptanceReceiptData(
                settings.hallName(), caseNumber, item.name(), MaskedText.name(who.name()),
                MaskedText.idNumber(who.idNumber()), acceptedAt.withSecond(0).withNano(0),
                platformReceipt.promisedDate(), settings.progressUrl(caseNumber), settings.hallAddress(),
                settings.hallPhone(), settings.terminalId()));
    }

    JourneyPaper notification(CatalogItem item, ApplicantIdentity who, Case submitted, Optional<String> caseNumber,
            List<MissingMaterial> missing, LocalDate today) {
        String number = caseNumber.orElse("待网络恢复后生成，本机受理号 " + localReference(submitted));
        String phone = item.contacts().consult().phone();
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ONE_TIME_NOTIFICATION, new OneTimeNotificationData(
                item.department(), "告知书编号：" + caseNumber.orElse(localReference(submitted)), who.name(), number,
                item.name(), LocalDate.ofInstant(submitted.createdAt(), settings.zone()), missing,
                settings.correctionDays(), settings.hallAddress(), phone == null || phone.isBlank()
                        ? settings.hallPhone() : phone, today));
    }

    /**
     * The slip for a case the platform has not confirmed: no promise the terminal cannot keep (no date, no
     * "accepted"), only that the application is kept and goes out by itself, and how to follow it.
     *
     * @param caseNumber present when the platform gave a number but its details could not be read
     */
    JourneyPaper slip(CatalogItem item, ApplicantIdentity who, Case submitted, Optional<String> caseNumber,
            boolean refused, Instant at) {
        TextStyle centered = new TextStyle(Align.CENTER, TextSize.NORMAL, false);
        List<Block.Entry> fields = new java.util.ArrayList<>();
        caseNumber.ifPresent(n -> fields.add(new Block.Entry("办件编号", n)));
        fields.add(new Block.Entry("本机受理号", localReference(submitted)));
        fields.add(new Block.Entry("办理事项", item.name()));
        fields.add(new Block.Entry("申请人", MaskedText.name(who.name()).text()));
        fields.add(new Block.Entry("证件号码", MaskedText.idNumber(who.idNumber()).text()));
        fields.add(new Block.Entry("提交时间", LocalDateTime.ofInstant(at, settings.zone()).format(MINUTE)));
        String text = refused
                ? "您的申请已保存在本终端，但未能自动提交至办理部门。请持本凭条到" + settings.hallAddress()
                        + "窗口办理，工作人员将为您处理，无需重新填写。"
                : caseNumber.isPresent()
                        ? "您的申请已提交，办理部门已收到。请凭办件编号或身份证查询办理进度。"
                        : "网络暂时中断：您的申请已安全保存在本终端，网络恢复后将自动提交，无需重复申报。"
                                + "提交后可凭身份证在任一自助终端查询办件编号和办理进度。";
        List<Block> blocks = new java.util.ArrayList<>(List.of(
                new Block.Heading(settings.hallName(), centered),
                new Block.Heading(caseNumber.isPresent() ? "申报凭条" : "申报凭条（待提交）", TextStyle.TITLE),
                new Block.Rule(true),
                new Block.KeyValueTable(fields),
                new Block.Paragraph(text, TextStyle.BODY)));
        caseNumber.ifPresent(n -> blocks.add(new Block.Qr(settings.progressUrl(n), 28, "扫码或凭办件编号查询办理进度")));
        blocks.add(new Block.Rule(true));
        blocks.add(new Block.KeyValueTable(List.of(new Block.Entry("地址", settings.hallAddress()),
                new Block.Entry("咨询电话", settings.hallPhone()))));
        blocks.add(new Block.Paragraph("自助终端 " + settings.terminalId(),
                new TextStyle(Align.LEFT, TextSize.SMALL, false)));
        blocks.add(new Block.Cut());
        return new JourneyPaper.Built(JourneyPaper.Kind.SUBMISSION_SLIP,
                new Document("submission-slip", "申报凭条", Medium.RECEIPT, blocks));
    }
}
