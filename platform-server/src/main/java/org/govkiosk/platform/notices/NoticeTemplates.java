package org.govkiosk.platform.notices;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govkiosk.platform.store.CaseNotices.Notice;
import org.govkiosk.shared.config.YamlSection;

/**
 * The texts of the case notices, one per notice, with the hall's SMS signature in front (【政务服务】). A text may
 * name the case number and the item ({@code {case}}, {@code {item}}) and nothing else: never the applicant's name
 * or ID number. platform.yaml's {@code case-notices} section replaces any of them.
 */
public final class NoticeTemplates {

    /** The keys of {@code case-notices}, one per notice. */
    static final Map<String, Notice> KEYS = Map.of("accepted", Notice.ACCEPTED,
            "needs-supplement", Notice.NEEDS_SUPPLEMENT, "not-accepted", Notice.NOT_ACCEPTED,
            "returned", Notice.RETURNED, "completed", Notice.COMPLETED, "result-ready", Notice.RESULT_READY,
            "deferral-lapsed", Notice.DEFERRAL_LAPSED, "mailed", Notice.MAILED);
    static final Set<String> PLACEHOLDERS = Set.of("case", "item");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_TEXT = 300;

    private static final Map<Notice, String> DEFAULTS = Map.of(
            Notice.ACCEPTED, "您申请的“{item}”已受理，办件编号{case}，可凭编号在自助终端查询进度。",
            Notice.NEEDS_SUPPLEMENT, "您申请的“{item}”（办件编号{case}）材料需补正，请凭编号在自助终端查看一次性告知书。",
            Notice.NOT_ACCEPTED, "您申请的“{item}”（办件编号{case}）不予受理，理由及救济途径请凭编号在自助终端查看。",
            Notice.RETURNED, "您申请的“{item}”（办件编号{case}）已退回，退回理由请凭编号在自助终端查看。",
            Notice.COMPLETED, "您申请的“{item}”（办件编号{case}）已办结。",
            Notice.RESULT_READY, "您申请的“{item}”（办件编号{case}）已办结，结果可凭本人证件在自助终端打印。",
            Notice.DEFERRAL_LAPSED, "您申请的“{item}”（办件编号{case}）容缺后补材料逾期未补交，依承诺本次申请视为撤回，详情请凭编号在自助终端查看。",
            Notice.MAILED, "您申请的“{item}”（办件编号{case}）办理结果已邮寄，快递单号请凭编号在自助终端查询。");

    private final String signature;
    private final Map<Notice, String> texts;

    private NoticeTemplates(String signature, Map<Notice, String> texts) {
        this.signature = signature;
        this.texts = texts;
    }

    /** The built-in texts under {@code signature}. */
    public static NoticeTemplates defaults(String signature) {
        return new NoticeTemplates(checkedSignature(signature), new EnumMap<>(DEFAULTS));
    }

    /** The same with {@code notice}'s text replaced. */
    public NoticeTemplates with(Notice notice, String text) {
        List<String> problems = problems(text);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<Notice, String> copy = new EnumMap<>(texts);
        copy.put(notice, text.strip());
        return new NoticeTemplates(signature, copy);
    }

    /** The same under another signature. */
    public NoticeTemplates withSignature(String newSignature) {
        return new NoticeTemplates(checkedSignature(newSignature), texts);
    }

    /**
     * Reads platform.yaml's {@code case-notices} section over the defaults: unknown keys (with the one probably
     * meant) and unknown placeholders are recorded as the section's problems.
     */
    public static NoticeTemplates read(YamlSection section, String signature) {
        section.onlyKeys(KEYS.keySet());
        NoticeTemplates t = defaults(signature);
        for (String key : section.keys()) {
            Notice notice = KEYS.get(key);
            if (notice == null) {
                continue;
            }
            java.util.Optional<String> text = section.string(key, true);
            if (text.isEmpty()) {
                continue;
            }
            List<String> problems = problems(text.get());
            if (problems.isEmpty()) {
                t = t.with(notice, text.get());
            } else {
                problems.forEach(p -> section.problem(section.key(key), p));
            }
        }
        return t;
    }

    /** The message of {@code notice} for one case. */
    public String render(Notice notice, String caseNumber, String itemName) {
        String text = Objects.requireNonNull(texts.get(notice), notice.name());
        return "【" + signature + "】" + text.replace("{case}", caseNumber).replace("{item}", itemName);
    }

    private static List<String> problems(String text) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            out.add("a notice's text must be 1 to " + MAX_TEXT + " characters");
            return out;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                out.add("unknown placeholder {" + m.group(1) + "}" + YamlSection.didYouMean(m.group(1), PLACEHOLDERS)
                        + "; a notice may name only {case} and {item}");
            }
        }
        return out;
    }

    private static String checkedSignature(String signature) {
        if (signature == null || signature.isBlank() || signature.length() > 20) {
            throw new IllegalArgumentException("sms-signature must be 1 to 20 characters");
        }
        return signature.strip();
    }
}
