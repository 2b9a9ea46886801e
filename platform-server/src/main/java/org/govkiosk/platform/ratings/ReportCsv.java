package org.govkiosk.platform.ratings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.govkiosk.api.RatingReport;
import org.govkiosk.platform.http.PageLanguage;

/**
 * A rating report as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as GBK), CRLF,
 * every text cell quoted, and a cell that a spreadsheet would take for a formula (starting with = + - @, a tab or
 * a carriage return) prefixed with an apostrophe, so a department or clerk named "=HYPERLINK(...)" stays text.
 */
final class ReportCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final List<String> ZH = List.of("分组", "名称", "非常不满意(1)", "不满意(2)", "基本满意(3)",
            "满意(4)", "非常满意(5)", "主动评价数", "默认评价数", "评价总数", "差评数", "差评率", "默认占比",
            "不公开评价数", "实名差评数", "已回访整改", "按期整改", "回访整改率", "按期整改率", "申诉成立（不计入）");
    private static final List<String> EN = List.of("group", "name", "very dissatisfied (1)", "dissatisfied (2)",
            "basically satisfied (3)", "satisfied (4)", "very satisfied (5)", "given", "defaulted", "total", "bad",
            "bad rate", "default share", "anonymous", "real-name bad", "rectified", "closed on time",
            "follow-up rate", "on-time rate", "appeals upheld (not counted)");

    private ReportCsv() {
    }

    static byte[] write(RatingReport report, PageLanguage lang) {
        StringBuilder b = new StringBuilder();
        line(b, lang == PageLanguage.EN ? EN : ZH);
        for (RatingReport.Row r : report.rows()) {
            row(b, r);
        }
        row(b, report.all());
        byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void row(StringBuilder b, RatingReport.Row r) {
        line(b, List.of(r.key(), r.label(), n(r.byLevel().get("1")), n(r.byLevel().get("2")),
                n(r.byLevel().get("3")), n(r.byLevel().get("4")), n(r.byLevel().get("5")), n(r.given()),
                n(r.defaulted()), n(r.total()), n(r.bad()), rate(r.badRate()), rate(r.defaultShare()),
                n(r.anonymous()), n(r.realNameBad()), n(r.rectified()), n(r.closedOnTime()), rate(r.followUpRate()),
                rate(r.onTimeRate()), n(r.appealsUpheld())));
    }

    /** A number cell (never quoted, never text a spreadsheet evaluates). */
    private record Num(String text) {
    }

    private static Num n(Integer v) {
        return new Num(Integer.toString(v == null ? 0 : v));
    }

    /** A rate as a decimal fraction with four places, e.g. 0.1250. */
    static Num rate(double v) {
        return new Num(String.format(Locale.ROOT, "%.4f", v));
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            b.append(c instanceof Num num ? num.text() : cell((String) c));
        }
        b.append("\r\n");
    }

    /** One text cell: quoted, quotes doubled, formula starts defused. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
