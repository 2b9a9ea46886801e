package org.govkiosk.platform.cases;

import java.nio.file.Path;
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
import org.govkiosk.personal.Masking;
import org.govkiosk.api.Material;
import org.govkiosk.platform.store.Filing;
import org.govkiosk.platform.store.Supplements;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform decides by itself when a case comes in: a case with missing materials waits for them (补正,
 * with the whole list at once: 一次性告知); a complete 即办件 is, on a reference platform set to decide it, accepted,
 * reviewed and completed on the spot with a result document the terminal prints (自助出证). Everything else waits
 * for a clerk. Without a usable CJK font the decision still stands (the law does not wait for a font), but no
 * document is attached: the terminal then tells the citizen the result is printable later, once a clerk issued it.
 */
public final class CaseDecisions {

    static final String RESULT = "准予办理（即办件，当场办结）";
    static final String NOTE_PRINTABLE = "当场办结，结果可在自助终端打印。";
    static final String NOTE_NO_DOCUMENT = "当场办结，办结证明由窗口出具后可在自助终端打印。";
    private static final Logger LOG = LoggerFactory.getLogger(CaseDecisions.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

    private final boolean autoDecideImmediate;
    private final String issuer;
    private final ZoneId zone;
    private final Optional<CjkFont> font;
    private final Optional<org.govkiosk.platform.certificates.SignedResults> signed;

    /** With the system's TrueType CJK font (fonts-wqy-zenhei and the like), if one is installed. */
    public CaseDecisions(boolean autoDecideImmediate, String issuer, ZoneId zone) {
        this(autoDecideImmediate, issuer, zone, autoDecideImmediate ? resultFont(Optional.empty()) : Optional.empty());
    }

    /** @param font the font result documents embed; empty: decisions are recorded without a document */
    public CaseDecisions(boolean autoDecideImmediate, String issuer, ZoneId zone, Optional<CjkFont> font) {
        this(autoDecideImmediate, issuer, zone, font, Optional.empty());
    }

    /**
     * @param signed how results are made: from the completion-certificate template, sealed, with a signed QR code
     *               (what a platform does); empty: the plain-text layout of {@link ResultPdf}, unsigned
     */
    public CaseDecisions(boolean autoDecideImmediate, String issuer, ZoneId zone, Optional<CjkFont> font,
            Optional<org.govkiosk.platform.certificates.SignedResults> signed) {
        this.autoDecideImmediate = autoDecideImmediate;
        this.issuer = signed.map(r -> r.bodies().signing().name()).orElse(issuer);
        this.zone = zone;
        this.font = font;
        this.signed = signed;
        if (autoDecideImmediate && font.isEmpty()) {
            LOG.warn("No TrueType CJK font for result documents (set result-font, or install fonts-wqy-zenhei:"
                    + " the search of the system's font folders looks for its wqy-zenhei.ttc first): 即办件 are"
                    + " still decided at once, but without a 办结证明 until a clerk issues one");
        }
    }

    /**
     * The font result documents embed: the configured {@code result-font}, which must be usable, else the
     * system's TrueType CJK font if there is one. The same search as the terminal's A4 papers and parsed once per
     * process (print-templates' {@link CjkFont}), so the demo's embedded platform shares the terminal's font.
     *
     * @throws IllegalArgumentException naming {@code result-font} when a configured font cannot be used
     */
    public static Optional<CjkFont> resultFont(Optional<Path> configured) {
        try {
            return Optional.of(CjkFont.shared(FontLocator.of(configured).named("result-font")));
        } catch (FontNotFoundException e) {
            if (configured.isPresent()) {
                throw new IllegalArgumentException(e.getMessage(), e); // "result-font: FILE is not usable: why"
            }
            return Optional.empty();
        }
    }

    /**
     * The platform's decisions with the configured {@code result-font}, else the system's CJK font; the font is
     * looked for only when the platform decides by itself.
     *
     * @throws IllegalArgumentException when a configured font cannot be used
     */
    public static CaseDecisions of(boolean autoDecideImmediate, String issuer, ZoneId zone, Optional<Path> font) {
        return new CaseDecisions(autoDecideImmediate, issuer, zone, autoDecideImmediate
                ? resultFont(font) : Optional.empty());
    }

    /** As {@link #of(boolean, String, ZoneId, Optional)}, the results signed and sealed by {@code signed}. */
    public static CaseDecisions of(boolean autoDecideImmediate, String issuer, ZoneId zone, Optional<Path> font,
            org.govkiosk.platform.certificates.SignedResults signed) {
        return new CaseDecisions(autoDecideImmediate, issuer, zone, autoDecideImmediate
                ? resultFont(font) : Optional.empty(), Optional.of(signed));
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
                new Filing.Step(CaseState.COMPLETED, font.isPresent() ? NOTE_PRINTABLE : NOTE_NO_DOCUMENT)),
                List.of(), resultMaker(s, now));
    }

    /** How a case goes on once its last missing material came in and it was accepted. */
    public Filing onceComplete(CaseSubmission s, Instant now) {
        if (!decidesAtOnce(s)) {
            return Filing.received();
        }
        return new Filing(List.of(new Filing.Step(CaseState.IN_REVIEW, null),
                new Filing.Step(CaseState.COMPLETED, "材料补齐后" + (font.isPresent() ? NOTE_PRINTABLE
                        : NOTE_NO_DOCUMENT))), List.of(), resultMaker(s, now));
    }

    private boolean decidesAtOnce(CaseSubmission s) {
        return autoDecideImmediate && s.kind() == CaseKind.IMMEDIATE;
    }

    private Optional<Filing.ResultMaker> resultMaker(CaseSubmission s, Instant now) {
        return font.map(f -> number -> result(f, s, number, now));
    }

    /** The result a case granted by default states (承诺超时默认), with the promised date and the day of the grant. */
    static String deemedResultText(LocalDate promisedDate, LocalDate grantedOn) {
        return "准予办理（承诺超时默认）：承诺办结日期" + DATE.format(promisedDate) + "届满未作出决定，依本事项承诺超时默认规则，"
                + "于" + DATE.format(grantedOn) + "视为准予";
    }

    /**
     * The signed 办结证明 of a case granted by default (承诺超时默认): what {@link DeemedApprovals} attaches, which the
     * terminal prints at 办件查询 like any result. Empty without a font; plain text when the platform has no issuing
     * bodies (as a 即办件's).
     */
    public java.util.Optional<byte[]> deemedResult(CaseSubmission s, String caseNumber, LocalDate acceptedOn,
            LocalDate promisedDate, LocalDate grantedOn) {
        if (font.isEmpty()) {
            return java.util.Optional.empty();
        }
        String text = deemedResultText(promisedDate, grantedOn);
        if (signed.isPresent()) {
            return java.util.Optional.of(signed.get().render(new org.govkiosk.platform.certificates.SignedResults
                    .Result(caseNumber, s.itemCode(), s.itemName(), s.applicant().name(), s.applicant().idNumber(),
                            acceptedOn, grantedOn, text), font.get().source().file(), font.get().source().faceName()));
        }
        ResultPdf pdf = new ResultPdf(font.get())
                .add(issuer, 16, ResultPdf.Align.CENTER, 8)
                .add("办结证明", 24, ResultPdf.Align.CENTER, 12)
                .add("证明编号：JB" + caseNumber, 10.5f, ResultPdf.Align.RIGHT, 12);
        for (String[] field : new String[][] {
                {"申请人", s.applicant().name()},
                {"证件号码", Masking.idNumber(s.applicant().idNumber())},
                {"办理事项", s.itemName()},
                {"办件编号", caseNumber},
                {"受理日期", DATE.format(acceptedOn)},
                {"办结日期", DATE.format(grantedOn)},
                {"办理结果", text}}) {
            pdf.add(field[0] + "：" + field[1], 12, ResultPdf.Align.LEFT, 4);
        }
        return java.util.Optional.of(pdf.add(issuer, 12, ResultPdf.Align.RIGHT, 2)
                .add(DATE.format(grantedOn), 12, ResultPdf.Align.RIGHT, 0).toBytes());
    }

    /**
     * The same documents (font, signing) without deciding 即办件 at intake: what a platform with auto-decide-immediate
     * off files cases with while it still makes the results of 承诺超时默认.
     */
    public CaseDecisions withoutImmediateDecisions() {
        return new CaseDecisions(false, issuer, zone, font, signed);
    }

    /** Whether the platform can make result documents (it has a CJK font). */
    public boolean makesDocuments() {
        return font.isPresent();
    }

    /**
     * The 办结证明 of a case decided on the spot: the holder's name in full, the ID number masked; signed and sealed
     * when the platform has its issuing bodies, else plain text.
     */
    private byte[] result(CjkFont f, CaseSubmission s, String caseNumber, Instant now) {
        if (s.practice()) {
            // A practice case's paper: never signed (its code would verify as real), marked across every page.
            return org.govkiosk.print.pdf.SpecimenMark.stamp(plainResult(f, s, caseNumber, now), f,
                    org.govkiosk.print.model.Document.SPECIMEN_TEXT);
        }
        if (signed.isPresent()) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            return signed.get().render(new org.govkiosk.platform.certificates.SignedResults.Result(caseNumber,
                    s.itemCode(), s.itemName(), s.applicant().name(), s.applicant().idNumber(), today, today, RESULT),
                    f.source().file(), f.source().faceName());
        }
        return plainResult(f, s, caseNumber, now);
    }

    private byte[] plainResult(CjkFont f, CaseSubmission s, String caseNumber, Instant now) {
        String day = DATE.format(LocalDate.ofInstant(now, zone));
        ResultPdf pdf = new ResultPdf(f)
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
