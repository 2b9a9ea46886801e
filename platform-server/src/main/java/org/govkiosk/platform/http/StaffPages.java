package org.govkiosk.platform.http;

import java.util.Map;
import org.govkiosk.platform.staff.StaffMember;

/**
 * The staff sign-in page and the signed-in page, in Chinese (first) or English: phone-first (one column, 44-px
 * targets, 16-px text so phones do not zoom into the fields), labelled fields, the problem announced as an alert,
 * no script. {@code next} is where a successful sign-in goes (the fleet page, the clerk's desk), checked by
 * {@link StaffRoutes#safeNext}.
 */
final class StaffPages {

    /** zh, en. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"工作人员登录", "Staff sign-in"}),
            Map.entry("platform", new String[] {"政务服务自助终端平台", "Government service kiosk platform"}),
            Map.entry("login", new String[] {"账号", "Account"}),
            Map.entry("password", new String[] {"密码", "Password"}),
            Map.entry("signIn", new String[] {"登录", "Sign in"}),
            Map.entry("wrong", new String[] {"账号或密码不正确，或账号已停用。",
                "Wrong account or password, or the account is disabled."}),
            Map.entry("locked", new String[] {"错误次数过多，请在 %d 秒后再试。",
                "Too many wrong attempts: try again in %d s."}),
            Map.entry("expired", new String[] {"请先登录。会话已过期或已退出。",
                "Please sign in. Your session has expired or was ended."}),
            Map.entry("role", new String[] {"您的角色无权查看此页面。", "Your role may not see this page."}),
            Map.entry("hint", new String[] {"使用本人账号登录；所有操作将记录到您的名下。",
                "Sign in with your own account: everything you do is recorded under your name."}),
            Map.entry("signedIn", new String[] {"已登录", "Signed in"}),
            Map.entry("roleLabel", new String[] {"角色", "Role"}),
            Map.entry("halls", new String[] {"大厅", "Halls"}),
            Map.entry("fleet", new String[] {"终端运行状态", "Terminal fleet"}),
            Map.entry("signOut", new String[] {"退出登录", "Sign out"}),
            Map.entry("HALL_ADMIN", new String[] {"大厅管理员", "Hall administrator"}),
            Map.entry("CLERK", new String[] {"窗口工作人员", "Clerk"}),
            Map.entry("SUPERVISOR", new String[] {"督查人员", "Supervisor"}),
            Map.entry("TECHNICIAN", new String[] {"运维人员", "Technician"}));

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:16px;
            line-height:1.5;color:#1a1a1a;background:#f3f5f7}
            header{background:#0b4f8a;color:#fff;padding:12px 16px;display:flex;justify-content:space-between;
            align-items:center;gap:12px;flex-wrap:wrap}
            header p{margin:0;font-size:15px}
            header a{color:#fff;font-weight:600;min-height:44px;display:inline-flex;align-items:center;padding:0 8px}
            main{max-width:420px;margin:24px auto;padding:0 16px}
            h1{font-size:24px;margin:0 0 12px}
            form{background:#fff;border:1px solid #c5ccd3;border-radius:8px;padding:20px;display:grid;gap:16px}
            .field{display:grid;gap:6px}
            label{font-weight:600}
            input{font-size:16px;min-height:44px;padding:8px 10px;border:2px solid #5a6570;border-radius:6px}
            input:focus,button:focus,a:focus{outline:3px solid #f0a500;outline-offset:2px}
            button{font-size:17px;min-height:48px;border:0;border-radius:6px;background:#0b4f8a;color:#fff;
            font-weight:700;cursor:pointer}
            .error{background:#fde8e8;border-left:4px solid #b42318;color:#7a1b12;padding:10px 12px;border-radius:4px}
            .hint{color:#3d4751;font-size:15px}
            dl{background:#fff;border:1px solid #c5ccd3;border-radius:8px;padding:16px;margin:0 0 16px}
            dt{font-weight:700}dd{margin:0 0 8px}
            .links a{display:inline-flex;min-height:44px;align-items:center;color:#0b4f8a;font-weight:600}
            """;

    private StaffPages() {
    }

    static boolean english(String param, String acceptLanguage) {
        return PageLanguage.choose(param, acceptLanguage) == PageLanguage.EN;
    }

    static String word(String key, boolean en) {
        String[] both = WORDS.get(key);
        if (both == null) {
            throw new IllegalArgumentException("no staff page text '" + key + "'");
        }
        return both[en ? 1 : 0];
    }

    /** The sign-in form; {@code problem} is one of our own texts (already formatted), or null. */
    static String signIn(String next, String problem, String login, boolean en) {
        StringBuilder h = head(word("title", en), en, StaffRoutes.LOGIN_PAGE + "?next=" + urlEncode(next));
        h.append("<main><h1>").append(word("title", en)).append("</h1>\n");
        if (problem != null) {
            h.append("<p class=\"error\" id=\"problem\" role=\"alert\">").append(Html.escape(problem)).append("</p>\n");
        }
        h.append("<form method=\"post\" action=\"").append(StaffRoutes.LOGIN_PAGE).append("\"")
                .append(problem != null ? " aria-describedby=\"problem\"" : "").append(">")
                .append("<input type=\"hidden\" name=\"next\" value=\"").append(Html.escape(next)).append("\">")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(en ? "en" : "zh").append("\">")
                .append("<div class=\"field\"><label for=\"login\">").append(word("login", en)).append("</label>")
                .append("<input id=\"login\" name=\"login\" autocomplete=\"username\" autocapitalize=\"none\"")
                .append(" spellcheck=\"false\" maxlength=\"32\" required value=\"")
                .append(Html.escape(login == null ? "" : login)).append("\"></div>")
                .append("<div class=\"field\"><label for=\"password\">").append(word("password", en)).append("</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\"")
                .append(" maxlength=\"128\" required></div>")
                .append("<button type=\"submit\">").append(word("signIn", en)).append("</button>")
                .append("<p class=\"hint\">").append(word("hint", en)).append("</p></form></main>\n");
        return h.append("</body></html>\n").toString();
    }

    /** Who is signed in, their halls, where they can go, and the sign-out form (with the session's CSRF token). */
    static String signedIn(StaffMember who, String csrf, boolean en) {
        StringBuilder h = head(word("signedIn", en), en, StaffRoutes.HOME);
        h.append("<main><h1>").append(word("signedIn", en)).append("</h1><dl><dt>").append(word("login", en))
                .append("</dt><dd>").append(Html.escape(who.name())).append(" (").append(Html.escape(who.login()))
                .append(")</dd><dt>").append(word("roleLabel", en)).append("</dt><dd>")
                .append(word(who.role().name(), en)).append("</dd><dt>").append(word("halls", en)).append("</dt><dd>")
                .append(Html.escape(String.join(", ", who.halls()))).append("</dd></dl>\n<p class=\"links\"><a href=\"/fleet?lang=")
                .append(en ? "en" : "zh").append("\">").append(word("fleet", en)).append("</a></p>\n")
                .append(signOutForm(csrf, en)).append("</main>\n");
        return h.append("</body></html>\n").toString();
    }

    /** The sign-out button any staff page can show (it posts the session's CSRF token). */
    static String signOutForm(String csrf, boolean en) {
        return "<form method=\"post\" action=\"" + StaffRoutes.LOGOUT_PAGE + "\"><input type=\"hidden\" name=\"csrf\""
                + " value=\"" + Html.escape(csrf) + "\"><input type=\"hidden\" name=\"lang\" value=\""
                + (en ? "en" : "zh") + "\"><button type=\"submit\">" + word("signOut", en) + "</button></form>";
    }

    private static StringBuilder head(String title, boolean en, String selfPath) {
        String other = selfPath + (selfPath.contains("?") ? "&" : "?") + "lang=" + (en ? "zh" : "en");
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "zh-CN")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title + " · " + word("platform", en))).append("</title><style>")
                .append(STYLE).append("</style></head>\n<body><header><p>").append(word("platform", en))
                .append("</p><a href=\"").append(Html.escape(other)).append("\" lang=\"").append(en ? "zh-CN" : "en")
                .append("\" hreflang=\"").append(en ? "zh-CN" : "en").append("\">").append(en ? "中文" : "English")
                .append("</a></header>\n");
    }

    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
