package org.govkiosk.platform.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.TerminalStatus;

/**
 * The fleet page and its login form as HTML, rendered on the server (no script at all). Every value that came
 * from a terminal or a request goes through {@link #escape}: a terminal id or device detail is text, never markup.
 */
final class FleetHtml {

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.5em;margin:0 0 .3em}.en{color:#666;font-weight:normal;font-size:.85em}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35em .5em;
            vertical-align:top;text-align:left}th{background:#eee}ul{margin:0;padding-left:1.1em}
            tr.sev-critical{background:#fde2e1}tr.sev-warning{background:#fff4d6}
            .badge{display:inline-block;padding:0 .4em;border-radius:.3em;color:#fff;font-size:.85em}
            .badge.stale,.badge.never{background:#b3261e}.badge.live{background:#2e7d32}
            li.critical{color:#b3261e;font-weight:bold}li.warning{color:#8a5a00}.sub{color:#666;font-size:.85em}
            .error{color:#b3261e}form.logout{float:right}""";

    private FleetHtml() {
    }

    /** HTML-escapes text for an element body or a double- or single-quoted attribute. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A compact age that reads in both languages: "45 s", "3 min", "2 h 5 min", "3 d 4 h". */
    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }

    static String page(List<FleetRow> rows, Instant now, FleetSettings settings) {
        long alarmed = rows.stream().filter(r -> !r.alarms().isEmpty()).count();
        long offline = rows.stream().filter(r -> r.liveness() != FleetRow.Liveness.LIVE).count();
        StringBuilder h = head("终端运行概览 · Terminal fleet", settings.refresh());
        h.append("<form class=\"logout\" method=\"post\" action=\"/fleet/logout\"><button type=\"submit\">")
                .append("退出登录 <span class=\"en\">Log out</span></button></form>\n")
                .append("<h1>终端运行概览 <span class=\"en\">Terminal fleet</span></h1>\n")
                .append("<p class=\"summary\">终端 ").append(rows.size()).append(" 台 · 有告警 ").append(alarmed)
                .append(" · 失联 ").append(offline).append(" <span class=\"en\">(").append(rows.size())
                .append(" terminals, ").append(alarmed).append(" with alarms, ").append(offline)
                .append(" not heard from)</span> · 更新于 <span class=\"en\">as of</span> <time>")
                .append(escape(now.truncatedTo(ChronoUnit.SECONDS).toString())).append("</time></p>\n");
        if (rows.isEmpty()) {
            h.append("<p id=\"empty\">尚无终端注册。<span class=\"en\">No terminal has registered yet.</span></p>\n");
            return h.append("</body></html>\n").toString();
        }
        h.append("<table id=\"fleet\"><thead><tr>")
                .append(th("终端", "Terminal")).append(th("大厅", "Hall")).append(th("最近心跳", "Last heartbeat"))
                .append(th("待发", "Outbox")).append(th("设备", "Devices")).append(th("告警", "Alarms"))
                .append("</tr></thead>\n<tbody>\n");
        for (FleetRow r : rows) {
            row(h, r);
        }
        return h.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder h, FleetRow r) {
        TerminalStatus t = r.terminal();
        String severity = r.worst().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse("ok");
        h.append("<tr class=\"terminal sev-").append(severity).append(' ')
                .append(r.liveness().name().toLowerCase(java.util.Locale.ROOT))
                .append("\" data-terminal-id=\"").append(escape(t.terminalId()))
                .append("\" data-liveness=\"").append(r.liveness().name()).append("\">");
        h.append("<td class=\"terminal-id\">").append(escape(t.terminalId())).append("<div class=\"sub\">");
        if (t.softwareVersion() != null) {
            h.append("版本 <span class=\"en\">version</span> ").append(escape(t.softwareVersion()));
        }
        if (t.uptimeSeconds() != null) {
            h.append(" · 已运行 <span class=\"en\">up</span> ").append(age(Duration.ofSeconds(t.uptimeSeconds())));
        }
        h.append("</div></td>");
        h.append("<td class=\"hall\">").append(escape(t.hallCode())).append("</td>");
        h.append("<td class=\"heartbeat\"");
        if (t.lastHeartbeatAt() != null) {
            h.append(" title=\"").append(escape(t.lastHeartbeatAt().toString())).append('"');
        }
        h.append('>');
        h.append(r.sinceHeartbeat().map(d -> escape(age(d)) + " 前 <span class=\"en\">ago</span> ").orElse(""));
        h.append(switch (r.liveness()) {
            case LIVE -> "<span class=\"badge live\">在线 Online</span>";
            case STALE -> "<span class=\"badge stale\">失联 Offline</span>";
            case NEVER -> "<span class=\"badge never\">无心跳 Never</span>";
        });
        h.append("</td><td class=\"outbox\">").append(t.outboxPending());
        if (t.outboxOldestAgeSeconds() != null && t.outboxPending() > 0) {
            h.append("<div class=\"sub\">最早 <span class=\"en\">oldest</span> ")
                    .append(age(Duration.ofSeconds(t.outboxOldestAgeSeconds()))).append("</div>");
        }
        h.append("</td><td class=\"devices\"><ul>");
        for (DeviceState d : t.devices()) {
            h.append("<li data-device-id=\"").append(escape(d.deviceId())).append("\">").append(escape(d.deviceId()))
                    .append(" <span class=\"sub\">").append(escape(d.family())).append("</span> ")
                    .append(escape(d.status()));
            if (d.detail() != null) {
                h.append(" · ").append(escape(d.detail()));
            }
            h.append("</li>");
        }
        h.append("</ul></td><td class=\"alarms\"><ul>");
        for (Alarm a : r.alarms()) {
            h.append("<li class=\"alarm ").append(a.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\" data-alarm=\"").append(a.kind().name()).append("\">").append(a.kind().zh())
                    .append(" <span class=\"en\">").append(a.kind().en()).append("</span>");
            if (a.deviceId() != null) {
                h.append(" — ").append(escape(a.deviceId()));
            }
            if (a.detail() != null) {
                h.append(" (").append(escape(a.detail())).append(')');
            }
            h.append("</li>");
        }
        h.append("</ul></td></tr>\n");
    }

    /** The login form; {@code problem} is our own bilingual text, shown above it. */
    static String login(String problem, boolean enabled) {
        StringBuilder h = head("登录 · Log in — 终端运行概览", null);
        h.append("<h1>终端运行概览 <span class=\"en\">Terminal fleet</span></h1>\n");
        if (problem != null) {
            h.append("<p class=\"error\" id=\"problem\">").append(escape(problem)).append("</p>\n");
        }
        if (enabled) {
            h.append("<form method=\"post\" action=\"/fleet/login\">")
                    .append("<label>窗口业务系统令牌 <span class=\"en\">Clerk token</span> ")
                    .append("<input type=\"password\" name=\"token\" autocomplete=\"current-password\" required>")
                    .append("</label> <button type=\"submit\">登录 <span class=\"en\">Log in</span></button></form>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The storage is down: say so, and keep reloading so the page comes back by itself. */
    static String unavailable(Duration refresh) {
        return head("终端运行概览 · Terminal fleet", refresh)
                .append("<h1>终端运行概览 <span class=\"en\">Terminal fleet</span></h1>\n<p class=\"error\">")
                .append("平台存储暂不可用，本页将自动刷新。<span class=\"en\">The platform's storage is unavailable;")
                .append(" this page reloads by itself.</span></p>\n</body></html>\n").toString();
    }

    private static StringBuilder head(String title, Duration refresh) {
        StringBuilder h = new StringBuilder(8192).append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>")
                .append("<meta charset=\"utf-8\">");
        if (refresh != null) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(refresh.toSeconds()).append("\">");
        }
        return h.append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n");
    }

    private static String th(String zh, String en) {
        return "<th>" + zh + "<br><span class=\"en\">" + en + "</span></th>";
    }
}
