package org.govkiosk.app.maintenance;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;

/**
 * The configuration as a technician or the vendor's support may read it: every setting that explains behaviour,
 * none that opens anything. PIN hash, token and password files' contents are never read; only whether they are
 * set is said.
 */
public final class ConfigSummary {

    private static final Pattern SECRET = Pattern.compile("(?i).*(key|token|secret|pass|pin|credential).*");

    private ConfigSummary() {
    }

    public static String of(TerminalConfig c) {
        StringBuilder out = new StringBuilder();
        var t = c.terminal();
        line(out, "terminal", "id", t.id());
        line(out, "terminal", "hall-name", t.hallName());
        line(out, "terminal", "hall-code", t.hallCode());
        line(out, "terminal", "mode", t.mode().name().toLowerCase(Locale.ROOT));
        line(out, "terminal", "window-id", t.windowId());
        line(out, "session", "idle-timeout", c.session().idleTimeout().toString());
        line(out, "session", "warning", c.session().warning().toString());
        line(out, "ui", "default-locale", c.ui().defaultLocale().toLanguageTag());
        line(out, "ui", "locales", c.ui().locales().stream().map(Locale::toLanguageTag).toList().toString());
        line(out, "ui", "elder-mode", String.valueOf(c.ui().elderMode()));
        line(out, "maintenance", "pin-hash", c.maintenance().pinHash().isPresent() ? "(set)" : "(not set)");
        line(out, "maintenance", "max-attempts", String.valueOf(c.maintenance().maxAttempts()));
        line(out, "maintenance", "lockout", c.maintenance().lockout().toString());
        line(out, "platform", "url", c.platform().url());
        line(out, "platform", "pins", String.valueOf(c.platform().pins().size()));
        line(out, "platform", "enrolment-token-file", c.platform().enrolmentTokenFile().isPresent() ? "(set)" : "(not set)");
        line(out, "print", "font-path", c.print().fontPath().map(Object::toString).orElse("(system)"));
        line(out, "print", "templates", c.print().templatesDir().toString());
        line(out, "print", "receipt-width", String.valueOf(c.print().receiptWidth()));
        line(out, "storage", "data-dir", c.storage().resolve(t.id()).toString());
        line(out, "ops", "listen", c.ops().listen().map(Object::toString).orElse("(off)"));
        line(out, "ops", "token-file", c.ops().tokenFile().isPresent() ? "(set)" : "(not set)");
        line(out, "voice", "enabled", String.valueOf(c.voice().enabled()));
        line(out, "voice", "volume", String.valueOf(c.voice().volume()));
        line(out, "voice", "engine", c.voice().engine());
        line(out, "voice", "voices", new java.util.TreeMap<>(c.voice().voices().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().toLanguageTag(), java.util.Map.Entry::getValue)))
                .toString());
        for (DeviceConfig d : c.devices()) {
            String prefix = "devices." + d.id();
            line(out, prefix, "family", d.family().configName());
            line(out, prefix, "model", d.model());
            line(out, prefix, "transport", d.transport().describe());
            line(out, prefix, "enabled", String.valueOf(d.enabled()));
            Map<String, String> options = new TreeMap<>(d.options());
            options.forEach((k, v) -> line(out, prefix, "options." + k, SECRET.matcher(k).matches() ? "(set)" : v));
        }
        return out.toString();
    }

    /** Section and key apart: a config key written whole in quotes would read as a UI text key to BundleKeysTest. */
    private static void line(StringBuilder out, String section, String key, String value) {
        out.append(section).append('.').append(key).append(": ").append(value).append('\n');
    }
}
