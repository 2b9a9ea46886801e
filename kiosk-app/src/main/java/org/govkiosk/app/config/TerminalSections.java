package org.govkiosk.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.govkiosk.shared.config.ConfigDurations;
import org.govkiosk.shared.config.YamlSection;

/** Reads the sections of terminal.yaml; each returns null (or a default) after recording its problems. */
final class TerminalSections {

    /** Ids go into logs, file names and platform messages: plain ASCII, no spaces. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(5);
    // Shorter lockouts make guessing a 6-digit PIN at the terminal a matter of days, not years.
    private static final Duration MIN_LOCKOUT = Duration.ofSeconds(30);

    private TerminalSections() {
    }

    static TerminalConfig.Terminal terminal(YamlSection s) {
        s.onlyKeys("id", "hall-name", "hall-code", "hall-address", "hall-phone", "progress-url", "correction-days",
                "window-name", "window-id", "mode");
        Optional<String> id = s.string("id", true);
        id.filter(v -> !ID.matcher(v).matches()).ifPresent(v -> s.problem(s.key("id"),
                "'" + v + "' is not a valid id; use letters, digits, '.', '_' or '-' (at most 64)"));
        String hall = s.translatable("hall-name", true).orElse(null);
        var hallEnglish = new java.util.concurrent.atomic.AtomicReference<String>(
                hall == null ? null : s.translations().get(hall));
        String window = s.string("window-name", false).orElse(null);
        LaunchOptions.Mode mode = s.string("mode", false).flatMap(m -> mode(s, m)).orElse(LaunchOptions.Mode.KIOSK);
        boolean ok = id.isPresent() && ID.matcher(id.get()).matches() && hall != null;
        String hallCode = s.string("hall-code", false).orElse(null);
        if (hallCode != null && !ID.matcher(hallCode).matches()) {
            s.problem(s.key("hall-code"), "'" + hallCode + "' is not a valid code; use letters, digits, '.', '_' or '-'");
            ok = false;
        }
        String windowId = s.string("window-id", false).orElse(null);
        if (windowId != null && !ID.matcher(windowId).matches()) {
            s.problem(s.key("window-id"), "'" + windowId + "' is not a valid id; use letters, digits, '.', '_' or '-'");
            ok = false;
        }
        TerminalConfig.Hall unknown = TerminalConfig.Hall.unknown();
        String progressUrl = s.string("progress-url", false).orElse(unknown.progressUrl());
        if (!isHttpUrl(progressUrl)) {
            s.problem(s.key("progress-url"), "must be an http(s) URL the case number is appended to, got '"
                    + progressUrl + "'");
            ok = false;
        }
        Optional<Integer> correctionDays = s.has("correction-days") ? s.integer("correction-days", 1, 60)
                : Optional.of(TerminalConfig.Hall.DEFAULT_CORRECTION_DAYS);
        ok &= correctionDays.isPresent();
        TerminalConfig.Hall hallInfo = new TerminalConfig.Hall(s.string("hall-address", false).orElse(unknown.address()),
                s.string("hall-phone", false).orElse(unknown.phone()), progressUrl,
                correctionDays.orElse(TerminalConfig.Hall.DEFAULT_CORRECTION_DAYS));
        return ok ? new TerminalConfig.Terminal(id.get(), hall, window, mode, hallCode != null ? hallCode : id.get(),
                windowId != null ? windowId : id.get(), hallInfo, Optional.ofNullable(hallEnglish.get()),
                Optional.ofNullable(hall == null ? null : s.uyghurTranslations().get(hall)),
                Optional.ofNullable(hall == null ? null : s.mongolianTranslations().get(hall))) : null;
    }

    private static Optional<LaunchOptions.Mode> mode(YamlSection s, String value) {
        for (LaunchOptions.Mode m : LaunchOptions.Mode.values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(m);
            }
        }
        s.problem(s.key("mode"), "must be kiosk or pad, got '" + value + "'");
        return Optional.empty();
    }

    static TerminalConfig.Session session(YamlSection s) {
        s.onlyKeys("idle-timeout", "warning", "farewell", "delivery-wait", "print-timeout");
        Optional<Duration> idle = s.has("idle-timeout")
                ? s.duration("idle-timeout", MIN_IDLE_TIMEOUT) : Optional.of(TerminalConfig.Session.DEFAULT_IDLE);
        Optional<Duration> warning = s.has("warning")
                ? s.duration("warning", Duration.ofSeconds(1)) : Optional.of(TerminalConfig.Session.DEFAULT_WARNING);
        Optional<Duration> farewell = s.has("farewell")
                ? s.duration("farewell", Duration.ofSeconds(3)) : Optional.of(TerminalConfig.Session.DEFAULT_FAREWELL);
        Optional<Duration> deliveryWait = s.has("delivery-wait") ? s.duration("delivery-wait", Duration.ofSeconds(1))
                : Optional.of(TerminalConfig.Session.DEFAULT_DELIVERY_WAIT);
        Optional<Duration> printTimeout = s.has("print-timeout") ? s.duration("print-timeout", Duration.ofSeconds(5))
                : Optional.of(TerminalConfig.Session.DEFAULT_PRINT_TIMEOUT);
        if (idle.isEmpty() || warning.isEmpty() || farewell.isEmpty() || deliveryWait.isEmpty()
                || printTimeout.isEmpty()) {
            return null;
        }
        if (warning.get().compareTo(idle.get()) >= 0) {
            s.problem(s.key("warning"), "must be shorter than idle-timeout (" + ConfigDurations.format(idle.get())
                    + "), got " + ConfigDurations.format(warning.get()));
            return null;
        }
        return new TerminalConfig.Session(idle.get(), warning.get(), farewell.get(), deliveryWait.get(),
                printTimeout.get());
    }

    static TerminalConfig.Ui ui(YamlSection s, List<String> supported) {
        s.onlyKeys("default-locale", "locales", "elder-mode");
        int before = s.problemCount();
        List<Locale> locales = new ArrayList<>();
        List<String> tags = s.has("locales") ? s.strings("locales") : supported;
        for (int i = 0; i < tags.size(); i++) {
            String key = s.key("locales") + "[" + i + "]";
            locale(s, key, tags.get(i), supported).ifPresent(l -> {
                if (locales.contains(l)) {
                    s.problem(key, "'" + l.toLanguageTag() + "' is listed twice");
                } else {
                    locales.add(l);
                }
            });
        }
        if (s.has("locales") && tags.isEmpty() && s.problemCount() == before) {
            s.problem(s.key("locales"), "must list at least one of " + String.join(", ", supported));
        }
        Optional<Locale> def = s.string("default-locale", false)
                .flatMap(tag -> locale(s, s.key("default-locale"), tag, supported))
                .or(() -> locales.stream().findFirst());
        if (def.isPresent() && !locales.isEmpty() && !locales.contains(def.get())) {
            s.problem(s.key("default-locale"), "'" + def.get().toLanguageTag() + "' is not among locales "
                    + locales.stream().map(Locale::toLanguageTag).toList());
        }
        boolean elder = s.bool("elder-mode").orElse(false);
        return s.problemCount() > before || def.isEmpty() ? null : new TerminalConfig.Ui(def.get(), locales, elder);
    }

    /** Case-insensitive, as BCP 47 is ("zh-cn" is zh-CN); "zh_CN" is a Java-ism and rejected with the list. */
    private static Optional<Locale> locale(YamlSection s, String key, String tag, List<String> supported) {
        for (String known : supported) {
            if (known.equalsIgnoreCase(tag)) {
                return Optional.of(Locale.forLanguageTag(known));
            }
        }
        s.problem(key, "unknown locale '" + tag + "'; supported: " + String.join(", ", supported));
        return Optional.empty();
    }

    /** espeak-ng voice names: cmn, en-gb, en-us+f3 (a variant after '+'). */
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}(\\+[A-Za-z0-9_-]{1,20})?");
    private static final Duration MIN_VOICE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_VOICE_TIMEOUT = Duration.ofSeconds(60);

    /** The voice section: spoken prompts. {@code voices} adds to or overrides the defaults; {@code off} silences one. */
    static TerminalConfig.Voice voice(YamlSection s, List<String> supported) {
        s.onlyKeys("enabled", "volume", "speed", "speeds", "engine", "timeout", "voices");
        int before = s.problemCount();
        TerminalConfig.Voice defaults = TerminalConfig.Voice.defaults();
        boolean enabled = s.bool("enabled").orElse(defaults.enabled());
        int volume = s.integer("volume", 0, 100).orElse(defaults.volume());
        int speed = s.integer("speed", 80, 450).orElse(defaults.wordsPerMinute());
        String engine = s.string("engine", false).orElse(defaults.engine());
        if (engine.contains("/") && !java.nio.file.Path.of(engine).isAbsolute()) {
            s.problem(s.key("engine"), "must be a program name such as espeak-ng or an absolute path, got '"
                    + engine + "'");
        }
        Duration timeout = defaults.timeout();
        if (s.has("timeout")) {
            timeout = s.duration("timeout", MIN_VOICE_TIMEOUT).orElse(timeout);
            if (timeout.compareTo(MAX_VOICE_TIMEOUT) > 0) {
                s.problem(s.key("timeout"), "must be at most " + ConfigDurations.format(MAX_VOICE_TIMEOUT) + ", got "
                        + ConfigDurations.format(timeout));
            }
        }
        java.util.Map<Locale, String> voices = new java.util.HashMap<>(defaults.voices());
        for (java.util.Map.Entry<String, String> e : s.stringMap("voices").entrySet()) {
            String key = s.key("voices") + "." + e.getKey();
            Optional<Locale> locale = locale(s, key, e.getKey(), supported);
            String voice = e.getValue().trim();
            if (locale.isEmpty()) {
                continue;
            }
            if (voice.equals("off")) {
                voices.remove(locale.get());
            } else if (VOICE.matcher(voice).matches()) {
                voices.put(locale.get(), voice);
            } else {
                s.problem(key, "must be an espeak-ng voice name such as cmn or en-gb (espeak-ng --voices lists them),"
                        + " or off, got '" + voice + "'");
            }
        }
        java.util.Map<Locale, Integer> speeds = new java.util.HashMap<>(defaults.speeds());
        for (java.util.Map.Entry<String, String> e : s.stringMap("speeds").entrySet()) {
            String key = s.key("speeds") + "." + e.getKey();
            Optional<Locale> locale = locale(s, key, e.getKey(), supported);
            Integer wpm = null;
            try {
                wpm = Integer.valueOf(e.getValue().trim());
            } catch (NumberFormatException notANumber) {
                wpm = null;
            }
            if (wpm == null || wpm < 80 || wpm > 450) {
                s.problem(key, "expected a whole number 80..450 (words per minute), got '" + e.getValue() + "'");
            } else {
                locale.ifPresent(l -> speeds.put(l, Integer.valueOf(e.getValue().trim())));
            }
        }
        return s.problemCount() > before ? null
                : new TerminalConfig.Voice(enabled, volume, speed, speeds, engine, timeout, voices);
    }

    static TerminalConfig.Maintenance maintenance(YamlSection s) {
        s.onlyKeys("pin-hash", "max-attempts", "lockout");
        int before = s.problemCount();
        Optional<PinHash> pin = s.string("pin-hash", false).flatMap(v -> {
            try {
                return Optional.of(PinHash.parse(v));
            } catch (IllegalArgumentException e) {
                s.problem(s.key("pin-hash"), e.getMessage());
                return Optional.empty();
            }
        });
        int attempts = s.integer("max-attempts", 1, 20).orElse(TerminalConfig.Maintenance.DEFAULT_MAX_ATTEMPTS);
        Duration lockout = s.duration("lockout", MIN_LOCKOUT).orElse(TerminalConfig.Maintenance.DEFAULT_LOCKOUT);
        return s.problemCount() > before ? null : new TerminalConfig.Maintenance(pin, attempts, lockout);
    }

    static TerminalConfig.Print print(YamlSection s) {
        s.onlyKeys("font-path", "templates", "receipt-width");
        int before = s.problemCount();
        Optional<java.nio.file.Path> font = s.string("font-path", false).map(java.nio.file.Path::of);
        font.filter(f -> !f.toString().matches("(?i).*\\.(ttf|ttc)")).ifPresent(f -> s.problem(s.key("font-path"),
                "must be a TrueType font (.ttf or .ttc; OpenType/CFF fonts such as Noto CJK .otf/.otc cannot be"
                        + " embedded), got '" + f + "'"));
        java.nio.file.Path templates = s.string("templates", false).map(java.nio.file.Path::of)
                .orElse(java.nio.file.Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES));
        int width = s.integer("receipt-width", 58, 80).orElse(TerminalConfig.Print.DEFAULT_RECEIPT_WIDTH);
        if (width != 58 && width != 80) {
            s.problem(s.key("receipt-width"), "must be 58 or 80 (mm), got " + width);
        }
        return s.problemCount() > before ? null : new TerminalConfig.Print(font, templates, width);
    }

    static TerminalConfig.Storage storage(YamlSection s) {
        s.onlyKeys("data-dir", "keystore-password-file", "crypto-suite");
        int before = s.problemCount();
        Optional<java.nio.file.Path> dir = s.string("data-dir", false).map(java.nio.file.Path::of);
        dir.filter(d -> !d.isAbsolute()).ifPresent(d -> s.problem(s.key("data-dir"),
                "must be an absolute path such as /var/lib/govkiosk, got '" + d + "'"));
        Optional<java.nio.file.Path> password = s.string("keystore-password-file", false).map(java.nio.file.Path::of);
        org.govkiosk.api.CryptoSuite suite = org.govkiosk.api.CryptoSuite.ED25519_AES;
        Optional<String> named = s.string("crypto-suite", false);
        if (named.isPresent()) {
            try {
                suite = org.govkiosk.api.CryptoSuite.parse(named.get());
            } catch (IllegalArgumentException e) {
                s.problem(s.key("crypto-suite"), "must be " + org.govkiosk.api.CryptoSuite.names() + ", got '"
                        + named.get() + "'");
            }
        }
        return s.problemCount() > before ? null : new TerminalConfig.Storage(dir, password, suite);
    }

    static TerminalConfig.Ops ops(YamlSection s) {
        s.onlyKeys("listen", "token-file");
        int before = s.problemCount();
        String listen = s.string("listen", false).orElse("127.0.0.1:" + TerminalConfig.Ops.DEFAULT_PORT);
        Optional<java.net.InetSocketAddress> address = Optional.empty();
        if (!listen.equals("off")) {
            int colon = listen.lastIndexOf(':');
            int port = -1;
            try {
                port = colon > 0 ? Integer.parseInt(listen.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                s.problem(s.key("listen"), "must be HOST:PORT (e.g. 127.0.0.1:9464) or off, got '" + listen + "'");
            } else {
                address = Optional.of(new java.net.InetSocketAddress(listen.substring(0, colon), port));
            }
        }
        Optional<java.nio.file.Path> token = s.string("token-file", false).map(java.nio.file.Path::of);
        if (address.isPresent() && !address.get().isUnresolved() && !address.get().getAddress().isLoopbackAddress()
                && token.isEmpty()) {
            s.problem(s.key("token-file"), "required when listen (" + listen + ") is reachable from the network");
        }
        return s.problemCount() > before ? null : new TerminalConfig.Ops(address, token);
    }

    private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");

    static TerminalConfig.Platform platform(YamlSection s) {
        s.onlyKeys("url", "pins", "enrolment-token-file", "heartbeat-interval");
        Optional<String> url = s.string("url", true);
        if (url.isEmpty()) {
            return null;
        }
        int before = s.problemCount();
        List<String> pins = s.has("pins") ? s.strings("pins") : List.of();
        for (int i = 0; i < pins.size(); i++) {
            if (!PIN.matcher(pins.get(i)).matches()) {
                s.problem(s.key("pins") + "[" + i + "]", "must be sha256/ followed by the base64 SHA-256 of the"
                        + " server's public key (44 characters), got '" + pins.get(i) + "'");
            }
        }
        if (!pins.isEmpty() && url.get().startsWith("http:")) {
            s.problem(s.key("pins"), "pins need an https URL, got " + url.get());
        }
        Optional<java.nio.file.Path> token = s.string("enrolment-token-file", false).map(java.nio.file.Path::of);
        Duration heartbeat = heartbeatInterval(s);
        if (s.problemCount() > before) {
            return null;
        }
        if (isHttpUrl(url.get()) && url.get().regionMatches(true, 0, "http:", 0, 5)
                && !org.govkiosk.api.LoopbackHost.is(URI.create(url.get()).getHost())) {
            s.problem(s.key("url"), "must be https:// for a platform on another machine: plain http would carry"
                    + " citizens' ID numbers in clear and let any server on the way confirm cases; http:// is only"
                    + " for 127.0.0.1, localhost or ::1, got '" + url.get() + "'");
            return null;
        }
        if (url.get().equals(TerminalConfig.Platform.EMBEDDED) || isHttpUrl(url.get())) {
            return new TerminalConfig.Platform(url.get(), new java.util.LinkedHashSet<>(pins), token, heartbeat);
        }
        s.problem(s.key("url"), "must be 'embedded' or an http(s) URL such as https://gateway.example.gov.cn/kiosk,"
                + " got '" + url.get() + "'");
        return null;
    }

    private static Duration heartbeatInterval(YamlSection s) {
        Duration value = s.duration("heartbeat-interval", TerminalConfig.Platform.MIN_HEARTBEAT_INTERVAL)
                .orElse(TerminalConfig.Platform.DEFAULT_HEARTBEAT_INTERVAL);
        if (value.compareTo(TerminalConfig.Platform.MAX_HEARTBEAT_INTERVAL) > 0) {
            s.problem(s.key("heartbeat-interval"), "must be at most "
                    + ConfigDurations.format(TerminalConfig.Platform.MAX_HEARTBEAT_INTERVAL) + ", got "
                    + ConfigDurations.format(value));
        }
        return value;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
