package org.govkiosk.platform.ratings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.govkiosk.api.RatingReport;
import org.govkiosk.platform.http.Html;
import org.govkiosk.platform.http.PageLanguage;

/**
 * Rating reports as printable pages, in Chinese or English, no script and no outside resource: the managers' report
 * (every column, A4 landscape) and the hall's published results (公开评价结果: per department and item, per clerk id
 * only where the hall chose so; no citizen data, no comments, no case numbers). Every value is escaped.
 */
final class ReportPage {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportPage() {
    }

    private static String t(PageLanguage lang, String zh, String en) {
        return lang == PageLanguage.EN ? en : zh;
    }

    private static String by(PageLanguage lang, String by) {
        return switch (by) {
            case "department" -> t(lang, "部门", "Department");
            case "window" -> t(lang, "窗口", "Window");
            case "clerk" -> t(lang, "工作人员", "Clerk");
            case "item" -> t(lang, "事项", "Service item");
            default -> t(lang, "评价渠道", "Channel");
        };
    }

    /** The managers' report of one grouping. */
    static String report(RatingReport r, PageLanguage lang, Instant madeAt, ZoneId zone) {
        String title = t(lang, "好差评统计报表", "Service rating report") + " · " + by(lang, r.by());
        StringBuilder b = head(lang, title, true);
        b.append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"meta\">")
                .append(t(lang, "统计期间：", "Period: ")).append(r.from()).append(t(lang, " 至 ", " to "))
                .append(r.to()).append(t(lang, "　制表时间：", " · made ")).append(STAMP.format(madeAt.atZone(zone)))
                .append("</p>\n");
        b.append("<table>\n<caption>").append(Html.escape(title)).append("</caption>\n<thead><tr>");
        List<String> heads = List.of(by(lang, r.by()), t(lang, "非常不满意", "Very dissatisfied"),
                t(lang, "不满意", "Dissatisfied"), t(lang, "基本满意", "Basically satisfied"), t(lang, "满意", "Satisfied"),
                t(lang, "非常满意", "Very satisfied"), t(lang, "主动评价", "Given"), t(lang, "默认评价*", "Default*"),
                t(lang, "合计", "Total"), t(lang, "差评", "Bad"), t(lang, "差评率", "Bad rate"),
                t(lang, "默认占比*", "Default share*"), t(lang, "不公开", "Anonymous"),
                t(lang, "实名差评", "Real-name bad"), t(lang, "回访整改率", "Follow-up rate"),
                t(lang, "按期整改率", "On-time rate"), t(lang, "申诉成立†", "Appeals upheld†"));
        for (String h : heads) {
            b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (RatingReport.Row row : r.rows()) {
            fullRow(b, lang, row, false);
        }
        b.append("</tbody>\n<tfoot>\n");
        fullRow(b, lang, r.all(), true);
        b.append("</tfoot>\n</table>\n");
        b.append("<p class=\"note\">").append(t(lang, "* 默认评价：服务后5个工作日内未评价的，按“基本满意”计入，单列，不计入各等级。",
                "* Default: a service not rated within 5 working days counts as basically satisfied; shown apart, not"
                        + " in the levels.")).append("<br>\n")
                .append(t(lang, "† 申诉成立的评价保留记录，但不计入各项统计与比率。",
                        "† Ratings whose appeal was upheld stay on record but count in no figure or rate."))
                .append("<br>\n").append(t(lang, "差评率 = 差评 ÷ 合计；回访整改率、按期整改率按实名差评计算。",
                        "Bad rate = bad ÷ total; follow-up and on-time rates are of the real-name bad ratings."))
                .append("</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The words of the all and the unassigned rows in the page's language. */
    private static String label(PageLanguage lang, String label) {
        return label.equals(LedgerRates.ALL) ? t(lang, label, "All")
                : label.equals(LedgerRates.UNASSIGNED) ? t(lang, label, "Not assigned") : label;
    }

    private static void fullRow(StringBuilder b, PageLanguage lang, RatingReport.Row row, boolean total) {
        b.append("<tr").append(total ? " class=\"total\"" : "").append("><th scope=\"row\">")
                .append(Html.escape(label(lang, row.label()))).append(row.label().equals(row.key()) ? ""
                        : "<br><span class=\"code\">" + Html.escape(row.key()) + "</span>").append("</th>");
        for (int l = 1; l <= 5; l++) {
            td(b, Integer.toString(row.byLevel().getOrDefault(String.valueOf(l), 0)));
        }
        td(b, Integer.toString(row.given()));
        td(b, Integer.toString(row.defaulted()));
        td(b, Integer.toString(row.total()));
        td(b, Integer.toString(row.bad()));
        td(b, percent(row.badRate()));
        td(b, percent(row.defaultShare()));
        td(b, Integer.toString(row.anonymous()));
        td(b, Integer.toString(row.realNameBad()));
        td(b, percent(row.followUpRate()));
        td(b, percent(row.onTimeRate()));
        td(b, Integer.toString(row.appealsUpheld()));
        b.append("</tr>\n");
    }

    /**
     * A hall's published results: for each grouping given, counts per level, total, 差评率 and 满意率 (levels 3 to 5
     * with the defaults, over the total). Nothing about a citizen; clerks only by id, and only if {@code byClerk}
     * is given.
     */
    static String published(String hallCode, String period, PageLanguage lang, List<RatingReport> groupings,
            String otherLanguageHref) {
        String title = t(lang, "好差评结果公开", "Published service ratings") + " · " + hallCode;
        StringBuilder b = head(lang, title, false);
        b.append("<p class=\"switch\"><a href=\"").append(Html.escape(otherLanguageHref)).append("\" lang=\"")
                .append(lang == PageLanguage.EN ? "zh-CN\">中文" : "en\">English").append("</a></p>\n");
        b.append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"meta\">")
                .append(t(lang, "统计期间：", "Period: ")).append(Html.escape(period)).append("</p>\n");
        for (RatingReport r : groupings) {
            String caption = t(lang, "按", "By ") + by(lang, r.by()).toLowerCase(Locale.ROOT) + t(lang, "统计", "");
            b.append("<table>\n<caption>").append(Html.escape(caption)).append("</caption>\n<thead><tr>");
            for (String h : List.of(by(lang, r.by()), t(lang, "非常满意", "Very satisfied"), t(lang, "满意", "Satisfied"),
                    t(lang, "基本满意（含默认）", "Basically satisfied (incl. default)"), t(lang, "不满意", "Dissatisfied"),
                    t(lang, "非常不满意", "Very dissatisfied"), t(lang, "评价总数", "Total"),
                    t(lang, "满意率", "Satisfaction"), t(lang, "差评率", "Bad rate"))) {
                b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (RatingReport.Row row : r.rows()) {
                publicRow(b, lang, row, false);
            }
            b.append("</tbody>\n<tfoot>\n");
            publicRow(b, lang, r.all(), true);
            b.append("</tfoot>\n</table>\n");
        }
        b.append("<p class=\"note\">").append(t(lang, "服务后5个工作日内未评价的按“基本满意”计入；经申诉复核成立的评价不计入统计。",
                "A service not rated within 5 working days counts as basically satisfied; ratings removed on an upheld"
                        + " appeal are not counted.")).append("</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void publicRow(StringBuilder b, PageLanguage lang, RatingReport.Row row, boolean total) {
        b.append("<tr").append(total ? " class=\"total\"" : "").append("><th scope=\"row\">")
                .append(Html.escape(label(lang, row.label()))).append("</th>");
        for (int l = 5; l >= 1; l--) {
            int n = row.byLevel().getOrDefault(String.valueOf(l), 0) + (l == 3 ? row.defaulted() : 0);
            td(b, Integer.toString(n));
        }
        td(b, Integer.toString(row.total()));
        td(b, percent(row.total() == 0 ? 0 : 1.0 - row.badRate()));
        td(b, percent(row.badRate()));
        b.append("</tr>\n");
    }

    private static void td(StringBuilder b, String text) {
        b.append("<td>").append(Html.escape(text)).append("</td>");
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static StringBuilder head(PageLanguage lang, String title, boolean landscape) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",sans-serif;color:#111;"
                        + "background:#fff;margin:16px;font-size:15px;line-height:1.4}\n")
                .append("h1{font-size:22px;margin:0 0 6px}.meta,.note{color:#333;font-size:13px}\n")
                .append("table{border-collapse:collapse;width:100%;margin:12px 0 18px;font-size:13px}\n")
                .append("caption{text-align:left;font-weight:bold;padding:4px 0}\n")
                .append("th,td{border:1px solid #555;padding:4px 6px;text-align:right;vertical-align:top}\n")
                .append("thead th{background:#e8e8e8;text-align:center}tbody th,tfoot th{text-align:left;"
                        + "font-weight:normal}\n")
                .append(".total th,.total td{font-weight:bold;background:#f3f3f3}.code{color:#333;font-size:11px}\n")
                .append("a{color:#0645ad}.switch{text-align:right;margin:0}\n")
                .append("@page{size:A4").append(landscape ? " landscape" : "").append(";margin:12mm}\n")
                .append("@media print{body{margin:0;font-size:11px}table{font-size:10px;page-break-inside:auto}"
                        + "tr{page-break-inside:avoid}thead{display:table-header-group}.switch{display:none}}\n")
                .append("</style>\n</head>\n<body>\n<main>\n");
        return b;
    }
}
