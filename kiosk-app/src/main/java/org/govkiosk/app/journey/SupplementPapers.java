package org.govkiosk.app.journey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;

/**
 * What handing in materials prints: the hall's acceptance receipt (受理回执) once the case is complete and accepted,
 * otherwise a slip built here listing what was handed in and what is still missing, or that it waits to be sent.
 */
final class SupplementPapers {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final JourneySettings settings;

    SupplementPapers(JourneySettings settings) {
        this.settings = settings;
    }

    JourneyPaper receipt(CaseProgress accepted, ApplicantIdentity who, Instant at) {
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ACCEPTANCE_RECEIPT, new AcceptanceReceiptData(
                settings.hallName(), accepted.caseNumber(), accepted.itemName(), MaskedText.name(who.name()),
                MaskedText.idNumber(who.idNumber()), LocalDateTime.ofInstant(at, settings.zone()).withSecond(0)
                        .withNano(0), accepted.promisedDate().orElseThrow(),
                settings.progressUrl(accepted.caseNumber()), settings.hallAddress(), settings.hallPhone(),
                settings.terminalId()));
    }

    /** @param stillMissing what the platform says is still missing; empty when it was not reached */
    JourneyPaper slip(String caseNumber, String itemName, ApplicantIdentity who, List<String> handedIn,
            List<String> stillMissing, DeliveryTracker.Delivery delivery, Instant at) {
        List<Block.Entry> fields = new ArrayList<>(List.of(
                new Block.Entry("办件编号", caseNumber),
                new Block.Entry("办理事项", itemName),
                new Block.Entry("申请人", MaskedText.name(who.name()).text()),
                new Block.Entry("证件号码", MaskedText.idNumber(who.idNumber()).text()),
                new Block.Entry("补交材料", String.join("、", handedIn)),
                new Block.Entry("提交时间", LocalDateTime.ofInstant(at, settings.zone()).format(MINUTE))));
        if (!stillMissing.isEmpty()) {
            fields.add(new Block.Entry("仍需补交", String.join("、", stillMissing)));
        }
        String text;
        if (delivery instanceof DeliveryTracker.Delivery.Refused) {
            text = "补交材料信息未能自动提交至办理部门。请持本凭条和材料到" + settings.hallAddress()
                    + "窗口办理，无需重新申报。";
        } else if (delivery instanceof DeliveryTracker.Delivery.Waiting) {
            text = "网络暂时中断：您补交材料的记录已安全保存在本终端，网络恢复后将自动提交，无需重复办理。"
                    + "可凭身份证在任一自助终端查询办理进度。";
        } else {
            text = stillMissing.isEmpty() ? "办理部门已收到您补交的材料。请凭办件编号或身份证查询办理进度。"
                    : "办理部门已收到您补交的材料。请在" + settings.correctionDays()
                            + "个工作日内补齐上列仍需补交的材料，补齐后即予受理。";
        }
        TextStyle centered = new TextStyle(Align.CENTER, TextSize.NORMAL, false);
        List<Block> blocks = new ArrayList<>(List.of(
                new Block.Heading(settings.hallName(), centered),
                new Block.Heading("补交材料凭条", TextStyle.TITLE),
                new Block.Rule(true),
                new Block.KeyValueTable(fields),
                new Block.Paragraph(text, TextStyle.BODY),
                new Block.Qr(settings.progressUrl(caseNumber), 28, "扫码或凭办件编号查询办理进度"),
                new Block.Rule(true),
                new Block.KeyValueTable(List.of(new Block.Entry("地址", settings.hallAddress()),
                        new Block.Entry("咨询电话", settings.hallPhone()))),
                new Block.Paragraph("自助终端 " + settings.terminalId(), new TextStyle(Align.LEFT, TextSize.SMALL,
                        false)),
                new Block.Cut()));
        return new JourneyPaper.Built(JourneyPaper.Kind.SUPPLEMENT_SLIP,
                new Document("supplement-slip", "补交材料凭条", Medium.RECEIPT, blocks));
    }
}
