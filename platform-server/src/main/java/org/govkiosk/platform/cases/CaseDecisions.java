package org.govkiosk.platform.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Masking;
import org.govkiosk.api.Material;
import org.govkiosk.platform.store.Filing;
import org.govkiosk.platform.store.Supplements;

/**
 * What the platform decides by itself when a case comes in: a case with missing materials waits for them (补正,
 * with the whole list at once: 一次性告知); a complete 即办件 is, on a reference platform set to decide it, accepted,
 * reviewed and completed on the spot with a result document the terminal prints (自助出证). Everything else waits
 * for a clerk.
 */
public final class CaseDecisions {

    static final String RESULT = "准予办理（即办件，当场办结）";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

    private final boolean autoDecideImmediate;
    private final String issuer;
    private final ZoneId zone;

    public CaseDecisions(boolean autoDecideImmediate, String issuer, ZoneId zone) {
        this.autoDecideImmediate = autoDecideImmediate;
        this.issuer = issuer;
        this.zone = zone;
    }

    /** How a new case is filed. Materials under a 容缺 commitment are WAIVED_BY_COMMITMENT, not missing. */
    public Filing atIntake(CaseSubmission s, Instant now) {
        List<Material> missing = s.materials().stream().filter(m -> m.status() == Material.Status.MISSING).toList();
        if (!missing.isEmpty()) {
            return new Filing(List.of(new Filing.Step(CaseState.NEEDS_SUPPLEMENT, Supplements.request(missing))),
                    missing, Optional.empty());
        }
        if (!decidesAtOnce(s)) {
            return Filing.received();
        }
        return new Filing(List.of(new Filing.Step(CaseState.ACCEPTED, "即办件，材料齐全，当场受理。"),
                new Filing.Step(CaseState.IN_REVIEW, null),
                new Filing.Step(CaseState.COMPLETED, "当场办结，结果可在自助终端打印。")), List.of(),
                Optional.of(number -> result(s, number, now)));
    }

    /** How a case goes on once its last missing material came in and it was accepted. */
    public Filing onceComplete(CaseSubmission s, Instant now) {
        if (!decidesAtOnce(s)) {
            return Filing.received();
        }
        return new Filing(List.of(new Filing.Step(CaseState.IN_REVIEW, null),
                new Filing.Step(CaseState.COMPLETED, "材料补齐后当场办结，结果可在自助终端打印。")), List.of(),
                Optional.of(number -> result(s, number, now)));
    }

    private boolean decidesAtOnce(CaseSubmission s) {
        return autoDecideImmediate && s.kind() == CaseKind.IMMEDIATE;
    }

    /** The 办结证明 of a case decided on the spot: the holder's name in full, the ID number masked. */
    byte[] result(CaseSubmission s, String caseNumber, Instant now) {
        String day = DATE.format(LocalDate.ofInstant(now, zone));
        ResultPdf pdf = new ResultPdf()
                .add(issuer, 16, ResultPdf.Align.CENTER, 8)
                .add("办结证明", 24, ResultPdf.Align.CENTER, 12)
                .add("证明编号：JB" + caseNumber, 10.5f, ResultPdf.Align.RIGHT, 12);
        for (String[] field : new String[][] {
                {"申请人", s.applicant().name()},
                {"证件号码", Masking.idNumber(s.applicant().idNumber())},
                {"办理事项", s.itemName()},
                {"事项编码", s.itemCode()},
                {"办件编号", caseNumber},
                {"受理日期", day},
                {"办结日期", day},
                {"办理结果", RESULT}}) {
            pdf.add(field[0] + "：" + field[1], 12, ResultPdf.Align.LEFT, 4);
        }
        return pdf.add("　　特此证明。", 12, ResultPdf.Align.LEFT, 36)
                .add(issuer, 12, ResultPdf.Align.RIGHT, 2)
                .add(day, 12, ResultPdf.Align.RIGHT, 48)
                .add("本证明由政务服务平台即办件当场办结生成，可凭办件编号在自助终端或窗口查询核验。", 9,
                        ResultPdf.Align.LEFT, 0)
                .toBytes();
    }
}
