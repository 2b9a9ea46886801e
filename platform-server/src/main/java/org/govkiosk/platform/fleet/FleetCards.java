package org.govkiosk.platform.fleet;

import static org.govkiosk.platform.fleet.FleetHtml.escape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.TerminalStatus;

/**
 * One card per terminal, alarms on top, then when it was last heard from, its outbox, its devices and what to run
 * next. The same HTML is the page's first paint and what the live stream sends when something changed.
 */
final class FleetCards {

    private FleetCards() {
    }

    static String summary(List<FleetRow> all, FleetText t) {
        long alarmed = all.stream().filter(r -> !r.alarms().isEmpty()).count();
        long silent = all.stream().filter(r -> r.liveness() != FleetRow.Liveness.LIVE).count();
        return String.format(Locale.ROOT, t.get("summary"), all.size(), alarmed, silent);
    }

    /** A short digest of the cards: the browser replaces them only when it changed. */
    static String hash(String cards) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cards.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String cards(List<FleetRow> all, List<FleetRow> shown, Instant now, FleetText t) {
        StringBuilder h = new StringBuilder(8192);
        if (all.isEmpty()) {
            return h.append("<p id=\"empty\">").append(t.get("empty")).append("</p>").toString();
        }
        h.append("<p class=\"shown\" id=\"shown\">")
                .append(String.format(Locale.ROOT, t.get("shown"), shown.size(), all.size())).append("</p>");
        if (shown.isEmpty()) {
            return h.append("<p id=\"none-match\">").append(t.get("noneMatch")).append("</p>").toString();
        }
        h.append("<ol class=\"cards\" id=\"fleet\">\n");
        int i = 0;
        for (FleetRow r : shown) {
            card(h, r, ++i, now, t);
        }
        return h.append("</ol>").toString();
    }

    private static void card(StringBuilder h, FleetRow r, int n, Instant now, FleetText t) {
        TerminalStatus term = r.terminal();
        String severity = r.worst().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("ok");
        String live = r.liveness().name().toLowerCase(Locale.ROOT);
        h.append("<li class=\"terminal card sev-").append(severity).append(' ').append(live)
                .append("\" data-terminal-id=\"").append(escape(term.terminalId())).append("\" data-liveness=\"")
                .append(r.liveness().name()).append("\">");
        h.append("<h2 id=\"card-").append(n).append("\"><span class=\"terminal-id\">").append(escape(term.terminalId()))
                .append("</span><span class=\"badge ").append(live).append("\">")
                .append(t.get("live." + r.liveness().name())).append("</span></h2>");
        h.append("<p class=\"hall\">").append(t.get("hall")).append(' ').append(escape(term.hallCode())).append("</p>");
        alarms(h, r, t);
        facts(h, r, now, t);
        devices(h, term, t);
        nextSteps(h, r, t);
        h.append("</li>\n");
    }

    private static void alarms(StringBuilder h, FleetRow r, FleetText t) {
        if (r.alarms().isEmpty()) {
            h.append("<p class=\"no-alarm\">").append(t.get("noAlarm")).append("</p>");
            return;
        }
        h.append("<ul class=\"alarms\">");
        for (Alarm a : r.alarms()) {
            String sev = a.severity().name().toLowerCase(Locale.ROOT);
            h.append("<li class=\"alarm ").append(sev).append("\" data-alarm=\"").append(a.kind().name())
                    .append("\"><span class=\"sev\">").append(t.get(sev)).append("</span>").append(t.alarm(a.kind()));
            if (a.deviceId() != null) {
                h.append(" — ").append(escape(a.deviceId()));
            }
            if (a.kind() == Alarm.Kind.OUTBOX_BACKLOG && r.terminal().outboxOldestAgeSeconds() != null) {
                h.append(" (").append(t.age(Duration.ofSeconds(r.terminal().outboxOldestAgeSeconds()))).append(')');
            } else if (a.detail() != null) {
                h.append(" (").append(escape(a.detail())).append(')');
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    private static void facts(StringBuilder h, FleetRow r, Instant now, FleetText t) {
        TerminalStatus term = r.terminal();
        h.append("<dl class=\"facts\"><dt>").append(t.get("lastHeartbeat")).append("</dt><dd class=\"heartbeat\">");
        if (term.lastHeartbeatAt() != null) {
            h.append("<time datetime=\"").append(term.lastHeartbeatAt().truncatedTo(ChronoUnit.SECONDS)).append("\">")
                    .append(escape(String.format(Locale.ROOT, t.get("ago"),
                            t.age(r.sinceHeartbeat().orElse(Duration.ZERO))))).append("</time>");
        } else {
            h.append(t.get("never"));
        }
        h.append("</dd><dt>").append(t.get("outbox")).append("</dt><dd class=\"outbox\">")
                .append(String.format(Locale.ROOT, t.get("outboxPending"), term.outboxPending()));
        if (term.outboxOldestAgeSeconds() != null && term.outboxPending() > 0) {
            h.append(" · ").append(escape(String.format(Locale.ROOT, t.get("outboxOldest"),
                    t.age(Duration.ofSeconds(term.outboxOldestAgeSeconds())))));
        }
        h.append("</dd>");
        if (term.softwareVersion() != null) {
            h.append("<dt>").append(t.get("version")).append("</dt><dd class=\"version\">")
                    .append(escape(term.softwareVersion())).append("</dd>");
        }
        if (term.uptimeSeconds() != null) {
            h.append("<dt>").append(t.get("uptime")).append("</dt><dd class=\"uptime\">")
                    .append(t.age(Duration.ofSeconds(term.uptimeSeconds()))).append("</dd>");
        }
        h.append("</dl>");
    }

    private static void devices(StringBuilder h, TerminalStatus term, FleetText t) {
        h.append("<div class=\"devices\"><h3>").append(t.get("devices")).append("</h3>");
        if (term.devices().isEmpty()) {
            h.append("<p>").append(t.get("noDevices")).append("</p></div>");
            return;
        }
        h.append("<ul>");
        for (DeviceState d : term.devices()) {
            boolean bad = !"ONLINE".equals(d.status());
            h.append("<li data-device-id=\"").append(escape(d.deviceId())).append("\">").append(escape(d.deviceId()))
                    .append(" <span class=\"family\">").append(escape(t.deviceFamily(d.family()))).append("</span> <span class=\"")
                    .append(bad ? "dev-bad" : "dev-ok").append("\">").append(escape(t.deviceStatus(d.status())))
                    .append("</span>");
            if (d.detail() != null) {
                h.append(" · ").append(escape(d.detail()));
            }
            h.append("</li>");
        }
        h.append("</ul></div>");
    }

    private static void nextSteps(StringBuilder h, FleetRow r, FleetText t) {
        h.append("<details class=\"next\" data-key=\"next-").append(escape(r.terminal().terminalId()))
                .append("\"><summary>").append(t.get("nextSteps")).append("</summary><p>").append(t.get("onTerminal"))
                .append("</p>");
        commands(h, NextSteps.diagnose(r), t);
        List<String> devices = NextSteps.deviceChecks(r);
        if (!devices.isEmpty()) {
            h.append("<p>").append(t.get("stopFirst")).append("</p>");
            commands(h, concat("sudo systemctl stop " + NextSteps.UNIT, devices,
                    "sudo systemctl start " + NextSteps.UNIT), t);
        }
        h.append("<p>").append(t.get("logs")).append("</p>");
        commands(h, NextSteps.logs(), t);
        h.append("</details>");
    }

    private static List<String> concat(String first, List<String> middle, String last) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(middle);
        all.add(last);
        return all;
    }

    private static void commands(StringBuilder h, List<String> commands, FleetText t) {
        h.append("<ul class=\"commands\">");
        for (String c : commands) {
            h.append("<li><code>").append(escape(c)).append("</code><button type=\"button\" class=\"copy\" hidden")
                    .append(" data-copy=\"").append(escape(c)).append("\" aria-label=\"").append(t.get("copy"))
                    .append(": ").append(escape(c)).append("\">").append(t.get("copy")).append("</button></li>");
        }
        h.append("</ul>");
    }
}
