package org.govkiosk.platform.http;

/**
 * The verification page as a phone shows it: one column, large type, high contrast (white on dark green, dark red
 * or dark grey for the verdict, near-black on white for the rest), readable at 360 px without zooming, no script,
 * no outside resource. Chinese first, English beside it. Every value is escaped.
 */
final class VerificationPage {

    private VerificationPage() {
    }

    static String html(CertificateRoutes.Verification v, String problem) {
        String status = v.status();
        String verdict = switch (status) {
            case "VALID" -> "有效 <span lang=\"en\">valid</span>";
            case "REVOKED" -> "已撤销 <span lang=\"en\">revoked</span>";
            default -> "无法核验 <span lang=\"en\">unknown</span>";
        };
        String explanation = switch (status) {
            case "VALID" -> "本证明由下列机关签发，内容与平台记录一致。"
                    + "<br><span lang=\"en\">Issued by the body below; it matches the platform's records.</span>";
            case "REVOKED" -> "本证明已由签发机关撤销，不再有效。"
                    + "<br><span lang=\"en\">The issuing body revoked this document; it is no longer valid.</span>";
            default -> "二维码内容无法核验：签名不符、已被改动，或平台无此证明。请向签发机关或政务服务中心窗口核实。"
                    + "<br><span lang=\"en\">This code cannot be verified: the signature does not match, it was"
                    + " altered, or the platform has no such document. Please check with the issuing body.</span>";
        };
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>办结证明核验 Certificate verification</title><style>")
                .append("body{margin:0;background:#fff;color:#111;font:18px/1.5 sans-serif}")
                .append("main{max-width:40em;margin:0 auto;padding:16px}")
                .append("h1{font-size:22px;margin:0 0 12px}")
                .append(".status{margin:0 0 16px;padding:14px 16px;border-radius:8px;font-size:30px;")
                .append("font-weight:bold;color:#fff}")
                .append(".valid{background:#0b5d1e}.revoked{background:#9b1111}.unknown{background:#3a3a3a}")
                .append(".status span{font-size:20px;font-weight:normal}")
                .append("dl{margin:0 0 16px}dt{margin-top:12px;font-size:16px;color:#333}")
                .append("dd{margin:0;font-size:21px;font-weight:bold;overflow-wrap:anywhere}")
                .append("p{margin:0 0 12px}span[lang=en]{color:inherit}")
                .append("</style></head><body><main>\n")
                .append("<h1>办结证明核验 <span lang=\"en\">Certificate verification</span></h1>\n")
                .append("<p id=\"status\" class=\"status ").append(status.toLowerCase(java.util.Locale.ROOT))
                .append("\" data-status=\"").append(status).append("\">").append(verdict).append("</p>\n");
        if (v.caseNumber() != null) {
            b.append("<dl>\n");
            row(b, "办理事项", "Item", v.itemName() + "（" + v.itemCode() + "）");
            row(b, "办结日期", "Date", CertificateRoutes.chineseDate(v.completedOn()));
            row(b, "申请人证件号码", "Holder's ID (masked)", v.holder());
            row(b, "签发机关", "Issuing body", v.issuingBody());
            row(b, "证明编号", "Certificate no.", v.certificateNumber());
            if (v.revokedOn() != null) {
                row(b, "撤销日期", "Revoked on", CertificateRoutes.chineseDate(v.revokedOn()));
            }
            b.append("</dl>\n");
        }
        b.append("<p>").append(explanation).append("</p>\n");
        if (problem != null) {
            b.append("<p>").append(escape(problem)).append("</p>\n");
        }
        return b.append("</main></body></html>\n").toString();
    }

    private static void row(StringBuilder b, String zh, String en, String value) {
        b.append("<dt>").append(zh).append(" <span lang=\"en\">").append(en).append("</span></dt><dd>")
                .append(escape(value)).append("</dd>\n");
    }

    static String escape(String s) {
        return Html.escape(s);
    }
}
