package org.govkiosk.platform.ratings;

import java.util.Map;
import org.govkiosk.platform.http.PageLanguage;

/** Every word the phone page shows, in Chinese and English. */
final class PageTexts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("title", new String[] {"服务评价（好差评）", "Rate our service"}),
            Map.entry("switch", new String[] {"English", "中文"}),
            Map.entry("item", new String[] {"办理事项", "Service"}),
            Map.entry("window", new String[] {"服务窗口", "Window"}),
            Map.entry("case", new String[] {"办件编号", "Case number"}),
            Map.entry("last-day", new String[] {"评价截止", "Rate by"}),
            Map.entry("overall", new String[] {"您对本次服务的总体评价（必选）", "Your overall rating (required)"}),
            Map.entry("level.5", new String[] {"非常满意", "Very satisfied"}),
            Map.entry("level.4", new String[] {"满意", "Satisfied"}),
            Map.entry("level.3", new String[] {"基本满意", "Fairly satisfied"}),
            Map.entry("level.2", new String[] {"不满意", "Dissatisfied"}),
            Map.entry("level.1", new String[] {"非常不满意", "Very dissatisfied"}),
            Map.entry("questions", new String[] {"具体评价（可不填）", "About this service (optional)"}),
            Map.entry("reasons", new String[] {"不满意的方面（选择“不满意”或“非常不满意”时，请至少选一项或写下意见）",
                    "What was not good (if you chose Dissatisfied or Very dissatisfied, choose at least one or"
                            + " write a comment)"}),
            Map.entry("reason.OVERALL", new String[] {"整体满意度", "Overall"}),
            Map.entry("reason.SERVICE_EFFICIENCY", new String[] {"服务效率", "Efficiency"}),
            Map.entry("reason.SERVICE_LEVEL", new String[] {"服务水平", "Competence"}),
            Map.entry("reason.SERVICE_ATTITUDE", new String[] {"服务态度", "Attitude"}),
            Map.entry("comment", new String[] {"其他意见（可不填，500字以内）", "Other comments (optional, up to 500"
                    + " characters)"}),
            Map.entry("anonymous", new String[] {"不公开评价", "Rate anonymously"}),
            Map.entry("anonymous-hint", new String[] {"勾选后，评价不公开您的姓名；如为差评，工作人员仍会通过办件回访您。",
                    "When ticked, your name is not shown with your rating; staff still follow up a poor rating"
                            + " through your case."}),
            Map.entry("submit", new String[] {"提交评价", "Submit rating"}),
            Map.entry("need-level", new String[] {"请选择一个总体评价。", "Please choose an overall rating."}),
            Map.entry("need-reason", new String[] {"请至少选择一项不满意的方面，或写下您的意见。",
                    "Please choose at least one point or write a comment."}),
            Map.entry("comment-long", new String[] {"意见请不超过500字。", "Please keep the comment to 500 characters."}),
            Map.entry("thanks", new String[] {"感谢您的评价！", "Thank you for your rating!"}),
            Map.entry("given", new String[] {"本次服务已评价", "This service has been rated"}),
            Map.entry("given-level", new String[] {"评价结果", "Rating"}),
            Map.entry("given-default", new String[] {"评价期限内未评价，已按规定记为“基本满意”（默认评价）。",
                    "It was not rated in time and counts as Fairly satisfied by the rules (default rating)."}),
            Map.entry("once", new String[] {"每次服务只能评价一次。", "Each service can be rated once."}),
            Map.entry("invalid-title", new String[] {"评价链接无效", "This rating link is not valid"}),
            Map.entry("invalid", new String[] {"链接不完整、已被改动，或不是本平台发出的。请重新扫描回执或窗口上的评价二维码，"
                    + "或拨打12345政务服务便民热线。", "The link is incomplete, was altered, or was not issued by this"
                    + " platform. Please scan the rating QR code on your receipt or at the window again, or call the"
                    + " 12345 hotline."}),
            Map.entry("expired-title", new String[] {"评价期限已过", "The rating period is over"}),
            Map.entry("expired", new String[] {"本次服务的评价期限（5个工作日）已过。", "The period for rating this"
                    + " service (5 working days) is over."}),
            Map.entry("unknown-title", new String[] {"暂时查不到这次服务", "This service cannot be found yet"}),
            Map.entry("unknown", new String[] {"平台暂无这次服务的记录，请稍后再试，或到窗口咨询。", "The platform has"
                    + " no record of this service yet. Please try again later or ask at a window."}),
            Map.entry("stale-title", new String[] {"此评价二维码已过期", "This rating code has expired"}),
            Map.entry("stale", new String[] {"请扫描窗口评价器屏幕上或窗口张贴的最新评价二维码。", "Please scan the current"
                    + " rating code on the window's rating pad or at the counter."}),
            Map.entry("idle-title", new String[] {"本窗口暂无待评价的服务", "Nothing to rate at this window now"}),
            Map.entry("idle", new String[] {"窗口为您办理后即可扫码评价；已办理完毕的，请使用回执或短信中的评价链接。",
                    "Scan this code once the window has served you; for a service already finished, use the link on"
                    + " your receipt or in the SMS."}));

    private PageTexts() {
    }

    static String get(PageLanguage lang, String key) {
        String[] t = TEXTS.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no page text " + key);
        }
        return t[lang == PageLanguage.EN ? 1 : 0];
    }

    /** Every key, for the test that checks both languages are filled. */
    static java.util.Set<String> keys() {
        return TEXTS.keySet();
    }
}
