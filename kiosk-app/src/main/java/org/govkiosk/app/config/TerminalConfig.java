package org.govkiosk.app.config;

import org.govkiosk.shared.calendar.WorkingCalendar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.device.DeviceConfig;

/**
 * The whole terminal configuration, validated: terminal.yaml plus the devices of devices.yaml. Get it from
 * {@link ConfigLoader#load(java.nio.file.Path, java.util.function.Function)}.
 */
public record TerminalConfig(Terminal terminal, Session session, Ui ui, Maintenance maintenance,
        Platform platform, Print print, Storage storage, Ops ops, List<DeviceConfig> devices,
        WorkingCalendar calendar, Voice voice) {

    /** Without a voice section: prompts are not spoken unless a citizen turns them on (the defaults). */
    public TerminalConfig(Terminal terminal, Session session, Ui ui, Maintenance maintenance, Platform platform,
            Print print, Storage storage, Ops ops, List<DeviceConfig> devices, WorkingCalendar calendar) {
        this(terminal, session, ui, maintenance, platform, print, storage, ops, devices, calendar, Voice.defaults());
    }

    /** Without calendar files: deadlines count weekends only (and the log warns). */
    public TerminalConfig(Terminal terminal, Session session, Ui ui, Maintenance maintenance, Platform platform,
            Print print, Storage storage, Ops ops, List<DeviceConfig> devices) {
        this(terminal, session, ui, maintenance, platform, print, storage, ops, devices,
                WorkingCalendar.weekendsOnly());
    }

    public TerminalConfig {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(print, "print");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(ops, "ops");
        devices = List.copyOf(devices);
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(voice, "voice");
    }

    /** @param windowName the window a rating pad stands at (3号窗口); null on a citizen kiosk */
    /**
     * @param hallCode the hall's code on the platform (registration); defaults to the terminal id
     * @param windowId a rating pad's window on the platform (the window business system names it); defaults to
     *                 the terminal id
     * @param hallNameEnglish the hall's name for the English UI ({@code hall-name: {zh: ..., en: ...}}), if given
     * @param hallNameUyghur the hall's name for the Uyghur UI ({@code hall-name: {zh: ..., en: ..., ug: ...}})
     * @param hallNameMongolian the hall's name in Mongolian (traditional script, {@code mn:}), shown vertically
     *                          beside the Chinese on a bilingual Mongolian screen
     */
    public record Terminal(String id, String hallName, String windowName, LaunchOptions.Mode mode, String hallCode,
            String windowId, Hall hall, Optional<String> hallNameEnglish, Optional<String> hallNameUyghur,
            Optional<String> hallNameMongolian) {
        public Terminal(String id, String hallName, String windowName, LaunchOptions.Mode mode) {
            this(id, hallName, windowName, mode, id, id, Hall.unknown(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        /** A hall whose name has no Mongolian. */
        public Terminal(String id, String hallName, String windowName, LaunchOptions.Mode mode, String hallCode,
                String windowId, Hall hall, Optional<String> hallNameEnglish, Optional<String> hallNameUyghur) {
            this(id, hallName, windowName, mode, hallCode, windowId, hall, hallNameEnglish, hallNameUyghur,
                    Optional.empty());
        }

        public Terminal {
            Objects.requireNonNull(hallNameEnglish, "hallNameEnglish");
            Objects.requireNonNull(hallNameUyghur, "hallNameUyghur");
            Objects.requireNonNull(hallNameMongolian, "hallNameMongolian");
        }

        /**
         * The Mongolian of the hall's name for the vertical half of a bilingual Mongolian screen: empty on any
         * other screen, and where terminal.yaml gives none (the Chinese is shown alone then).
         */
        public String hallNameMongolian(Locale locale) {
            return "mn".equals(locale.getLanguage()) ? hallNameMongolian.orElse("") : "";
        }

        /**
         * The hall's name as the screens show it: the English in an English locale, the Uyghur in a Uyghur one, when
         * terminal.yaml gives it. Papers print {@link #hallName()}, the Chinese: official papers are in Chinese.
         */
        public String hallName(Locale locale) {
            if ("ug".equals(locale.getLanguage())) {
                return hallNameUyghur.orElse(hallName);
            }
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? hallNameEnglish.orElse(hallName)
                    : hallName;
        }

        public Optional<String> window() {
            return Optional.ofNullable(windowName);
        }
    }

    /**
     * What citizens' papers print about the hall.
     *
     * @param progressUrl the address a receipt's QR code carries; the case number is appended
     */
    /**
     * @param correctionDays working days a one-time notification (一次性告知) gives the citizen to bring what is
     *                       missing, printed on it; the hall's rule
     */
    public record Hall(String address, String phone, String progressUrl, int correctionDays) {
        public static final String DEFAULT_PROGRESS_URL = "https://zwfw.example.gov.cn/progress?c=";
        public static final int DEFAULT_CORRECTION_DAYS = 5;

        public Hall(String address, String phone, String progressUrl) {
            this(address, phone, progressUrl, DEFAULT_CORRECTION_DAYS);
        }

        static Hall unknown() {
            return new Hall("（地址见大厅公告）", "12345", DEFAULT_PROGRESS_URL);
        }
    }

    /**
     * @param warning  how long the "still there?" countdown runs before {@code idleTimeout} ends the session
     * @param farewell how long the reminder to take the ID card, receipt and papers stays once a citizen has left
     */
    /**
     * @param deliveryWait how long a citizen waits, after confirming, for the platform's case number before the
     *                     terminal prints a slip saying the case is queued and will be sent
     * @param printTimeout how long a journey waits for paper before telling the citizen the print failed
     */
    public record Session(Duration idleTimeout, Duration warning, Duration farewell, Duration deliveryWait,
            Duration printTimeout) {
        public static final Duration DEFAULT_IDLE = Duration.ofSeconds(90);
        public static final Duration DEFAULT_WARNING = Duration.ofSeconds(20);
        public static final Duration DEFAULT_FAREWELL = Duration.ofSeconds(15);
        public static final Duration DEFAULT_DELIVERY_WAIT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_PRINT_TIMEOUT = Duration.ofSeconds(60);

        public Session(Duration idleTimeout, Duration warning) {
            this(idleTimeout, warning, DEFAULT_FAREWELL);
        }

        public Session(Duration idleTimeout, Duration warning, Duration farewell) {
            this(idleTimeout, warning, farewell, DEFAULT_DELIVERY_WAIT, DEFAULT_PRINT_TIMEOUT);
        }

        static Session defaults() {
            return new Session(DEFAULT_IDLE, DEFAULT_WARNING);
        }
    }

    /** @param locales the languages the switch cycles through, {@code defaultLocale} among them */
    public record Ui(Locale defaultLocale, List<Locale> locales, boolean elderMode) {
        public Ui {
            locales = List.copyOf(locales);
        }
    }

    /**
     * @param pinHash empty when no technician PIN is configured: the app then keeps maintenance closed, or in demo
     *                mode makes a one-time PIN. The repository's defaults never hold one.
     */
    public record Maintenance(Optional<PinHash> pinHash, int maxAttempts, Duration lockout) {
        public static final int DEFAULT_MAX_ATTEMPTS = 5;
        public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(5);

        static Maintenance defaults() {
            return new Maintenance(Optional.empty(), DEFAULT_MAX_ATTEMPTS, DEFAULT_LOCKOUT);
        }
    }

    /**
     * How documents are printed.
     *
     * @param fontPath     a TrueType-outline CJK font (.ttf/.ttc) to embed in PDFs; empty: found among the system's fonts
     * @param templatesDir the hall's document templates (relative paths are from the config directory)
     * @param receiptWidth the receipt printers' paper: 58 or 80 (mm)
     */
    public record Print(Optional<Path> fontPath, Path templatesDir, int receiptWidth) {
        public static final String DEFAULT_TEMPLATES = "templates";
        public static final int DEFAULT_RECEIPT_WIDTH = 80;

        static Print defaults() {
            return new Print(Optional.empty(), Path.of(DEFAULT_TEMPLATES), DEFAULT_RECEIPT_WIDTH);
        }
    }

    /**
     * Where the terminal keeps its own state (outbox, audit log, keys): {@code dataDir}, or when unset
     * {@code $XDG_DATA_HOME/govkiosk/<terminal id>} (~/.local/share/...). A packaged terminal sets /var/lib/govkiosk.
     * {@code cryptoSuite}: the keys the terminal makes at its first start and signs, encrypts and chains its audit
     * log with (Ed25519/AES by default; SM2/SM3/SM4 where the province requires the national algorithms).
     */
    public record Storage(Optional<Path> dataDir, Optional<Path> keystorePasswordFile,
            org.govkiosk.api.CryptoSuite cryptoSuite) {
        public Storage {
            java.util.Objects.requireNonNull(cryptoSuite, "cryptoSuite");
        }

        public Storage(Optional<Path> dataDir, Optional<Path> keystorePasswordFile) {
            this(dataDir, keystorePasswordFile, org.govkiosk.api.CryptoSuite.ED25519_AES);
        }

        static Storage defaults() {
            return new Storage(Optional.empty(), Optional.empty());
        }

        public Path resolve(String terminalId) {
            return dataDir.orElseGet(() -> {
                String xdg = System.getenv("XDG_DATA_HOME");
                Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                        : Path.of(System.getProperty("user.home"), ".local", "share");
                return base.resolve("govkiosk").resolve(terminalId);
            });
        }
    }

    /**
     * The technicians' health and metrics endpoint.
     *
     * @param listen    host and port; empty: off
     * @param tokenFile a file holding the bearer token; required when {@code listen} is not a loopback address
     */
    public record Ops(Optional<java.net.InetSocketAddress> listen, Optional<Path> tokenFile) {
        public static final int DEFAULT_PORT = 9464;

        static Ops defaults() {
            return new Ops(Optional.of(new java.net.InetSocketAddress("127.0.0.1", DEFAULT_PORT)), Optional.empty());
        }
    }

    /** {@code url} is "embedded" (the reference platform runs inside the terminal, for demos) or an http(s) URL. */
    /**
     * @param pins               SHA-256 pins of the platform's TLS key ({@code sha256/BASE64}); empty: the system's CAs
     * @param enrolmentTokenFile the token that lets this terminal register its key (from the hall's administrator)
     * @param heartbeatInterval  how often the terminal reports its devices to the platform's fleet page
     */
    public record Platform(String url, java.util.Set<String> pins, Optional<Path> enrolmentTokenFile,
            java.time.Duration heartbeatInterval) {
        public static final String EMBEDDED = "embedded";
        public static final java.time.Duration DEFAULT_HEARTBEAT_INTERVAL = java.time.Duration.ofSeconds(60);
        // Below 5 s the fleet is flooded for no gain; above an hour a dead terminal shows only hours later.
        public static final java.time.Duration MIN_HEARTBEAT_INTERVAL = java.time.Duration.ofSeconds(5);
        public static final java.time.Duration MAX_HEARTBEAT_INTERVAL = java.time.Duration.ofHours(1);

        public Platform {
            pins = java.util.Set.copyOf(pins);
            java.util.Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        }

        public Platform(String url, java.util.Set<String> pins, Optional<Path> enrolmentTokenFile) {
            this(url, pins, enrolmentTokenFile, DEFAULT_HEARTBEAT_INTERVAL);
        }

        public Platform(String url) {
            this(url, java.util.Set.of(), Optional.empty());
        }

        public boolean isEmbedded() {
            return EMBEDDED.equals(url);
        }
    }

    /**
     * Spoken prompts for citizens who cannot read the screen well (terminal.yaml's {@code voice}).
     *
     * @param enabled        whether a session starts with speech on; each citizen turns it on or off on screen
     * @param volume         the level a session starts at, 0 to 100
     * @param wordsPerMinute the engine's speed
     * @param speeds         a language's own speed where it differs (espeak-ng counts each Chinese character a word)
     * @param engine         the text-to-speech program (espeak-ng)
     * @param timeout        how long one prompt's synthesis may take
     * @param voices         the engine's voice for each UI language; a language without one is not spoken
     */
    public record Voice(boolean enabled, int volume, int wordsPerMinute, java.util.Map<Locale, Integer> speeds,
            String engine, Duration timeout, java.util.Map<Locale, String> voices) {
        public static final int DEFAULT_VOLUME = 70;
        public static final int DEFAULT_WORDS_PER_MINUTE = 150;
        public static final int DEFAULT_MANDARIN_SPEED = 210;
        public static final String DEFAULT_ENGINE = "espeak-ng";
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
        /** espeak-ng's voices for the UI languages: Mandarin, English (British), Uyghur, Kazakh; none for Mongolian. */
        public static final java.util.Map<String, String> DEFAULT_VOICES = java.util.Map.of("zh-CN", "cmn", "en",
                "en-gb", "ug-CN", "ug", "kk-CN", "kk");

        public Voice {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(timeout, "timeout");
            voices = java.util.Map.copyOf(voices);
            speeds = java.util.Map.copyOf(speeds);
        }

        public static Voice defaults() {
            java.util.Map<Locale, String> voices = new java.util.HashMap<>();
            DEFAULT_VOICES.forEach((tag, voice) -> voices.put(Locale.forLanguageTag(tag), voice));
            // 150 "words" a minute is 2.5 字 a second in Mandarin, slow even for the elderly; 210 is about 3.5.
            return new Voice(false, DEFAULT_VOLUME, DEFAULT_WORDS_PER_MINUTE,
                    java.util.Map.of(Locale.SIMPLIFIED_CHINESE, DEFAULT_MANDARIN_SPEED), DEFAULT_ENGINE, DEFAULT_TIMEOUT,
                    voices);
        }
    }
}
