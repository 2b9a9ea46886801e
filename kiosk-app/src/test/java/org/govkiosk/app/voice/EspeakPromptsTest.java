package org.govkiosk.app.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.i18n.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spoken prompts as the terminal makes them, through Debian's espeak-ng, measured without a sound card: every
 * prompt in every UI language is speech (not silence), lasts as long as its words, and sounds different in each
 * language. Prints each prompt's length and level. espeak-ng is installed by scripts/test-all.sh.
 */
class EspeakPromptsTest {

    /** The spoken texts of the citizen's journeys (the prompts the issue names and the step titles). */
    static final List<String> PROMPTS = List.of("voice.screen.identify", "voice.take-papers", "voice.farewell",
            "voice.error.card-unreadable", "voice.error.printer", "voice.error.platform-queued",
            "voice.error.platform", "voice.idle-warning", "voice.screen.home", "voice.screen.catalog",
            "voice.screen.guide", "voice.screen.apply-form", "voice.screen.apply-materials",
            "voice.screen.apply-confirm", "voice.screen.progress", "voice.screen.supplement", "voice.screen.rate",
            "voice.turned-on");
    static final List<Locale> LANGUAGES = List.of(I18n.ZH_CN, Locale.ENGLISH);
    /** Speech sits around 0.1 to 0.3 of full scale in espeak-ng; a silent or near-silent file is far below. */
    static final double RMS_FLOOR = 0.02;

    static EspeakEngine engine;

    @BeforeAll
    static void engine() {
        assertThat(Path.of("/usr/bin/espeak-ng")).as("espeak-ng (Debian package espeak-ng; scripts/test-all.sh"
                + " installs it)").isExecutable();
        engine = engine("espeak-ng", Duration.ofSeconds(20));
    }

    static EspeakEngine engine(String program, Duration timeout) {
        Map<Locale, String> voices = new LinkedHashMap<>();
        TerminalConfig.Voice.defaults().voices().forEach(voices::put);
        TerminalConfig.Voice defaults = TerminalConfig.Voice.defaults();
        return new EspeakEngine(program, voices, defaults.wordsPerMinute(), defaults.speeds(), timeout);
    }

    @Test
    void everyPromptInEveryLanguageIsSpeechOfAPlausibleLength() throws Exception {
        StringBuilder table = new StringBuilder();
        for (String key : PROMPTS) {
            for (Locale locale : LANGUAGES) {
                String text = I18n.format(locale, key, 20);
                Wav wav = engine.synthesize(text, locale);
                double seconds = wav.duration().toMillis() / 1000.0;
                table.append(String.format("%-30s %-5s %3d chars %6.2f s  rms %.3f%n", key, locale.toLanguageTag(),
                        text.length(), seconds, wav.rms()));
                assertThat(wav.rms()).as("%s in %s: level", key, locale).isGreaterThan(RMS_FLOOR);
                // Mandarin runs about 3 to 5 characters a second, English 10 to 20: allow a wide band around both.
                assertThat(seconds).as("%s in %s: seconds for %d characters", key, locale, text.length())
                        .isBetween(text.length() / 25.0, text.length() / 1.5);
            }
        }
        org.slf4j.LoggerFactory.getLogger(EspeakPromptsTest.class).info("Spoken prompts:\n{}", table);
    }

    @Test
    void longerTextsMakeLongerSpeech() throws Exception {
        for (Locale locale : LANGUAGES) {
            Wav shorter = engine.synthesize(I18n.format(locale, "voice.take-papers"), locale);
            Wav longer = engine.synthesize(I18n.format(locale, "voice.error.card-unreadable"), locale);
            Wav both = engine.synthesize(I18n.format(locale, "voice.take-papers") + " "
                    + I18n.format(locale, "voice.error.card-unreadable"), locale);
            assertThat(longer.duration()).as(locale + ": a longer prompt").isGreaterThan(shorter.duration());
            assertThat(both.duration()).as(locale + ": two prompts in one").isGreaterThan(longer.duration());
        }
    }

    @Test
    void eachLanguageSoundsDifferent() throws Exception {
        for (String key : List.of("voice.screen.identify", "voice.take-papers")) {
            Wav zh = engine.synthesize(I18n.format(I18n.ZH_CN, key), I18n.ZH_CN);
            Wav en = engine.synthesize(I18n.format(Locale.ENGLISH, key), Locale.ENGLISH);
            assertThat(zh.pcm()).as(key).isNotEqualTo(en.pcm());
            assertThat(correlation(zh, en)).as(key + ": zh and en waveforms alike").isLessThan(0.5);
        }
        // The same Chinese words in the Mandarin voice and in the English one (which spells out what it cannot
        // read): the voice, not only the text, decides the sound.
        String text = I18n.format(I18n.ZH_CN, "voice.take-papers");
        Wav cmn = engine.synthesize(text, I18n.ZH_CN);
        Wav english = engine.synthesize(text, Locale.ENGLISH);
        assertThat(cmn.pcm()).isNotEqualTo(english.pcm());
    }

    @Test
    void uyghurAndKazakhHaveVoicesAndMongolianHasNone() throws Exception {
        // The languages of the halls besides Chinese (issue 20): espeak-ng speaks Uyghur and Kazakh; the terminal
        // stays silent in Mongolian rather than read it in another language's voice.
        Wav ug = engine.synthesize("كىملىك كارتىڭىزنى قويۇڭ", Locale.forLanguageTag("ug-CN"));
        assertThat(ug.rms()).isGreaterThan(RMS_FLOOR);
        Wav kk = engine.synthesize("Жеке куәлігіңізді қойыңыз", Locale.forLanguageTag("kk-CN"));
        assertThat(kk.rms()).isGreaterThan(RMS_FLOOR);
        assertThat(engine.speaks(Locale.forLanguageTag("mn-Mong-CN"))).isFalse();
        assertThatThrownBy(() -> engine.synthesize("ᠪᠢᠴᠢᠭ", Locale.forLanguageTag("mn-Mong-CN")))
                .isInstanceOf(SpeechException.class).hasMessageContaining("no espeak-ng voice");
    }

    @Test
    void aVoiceTheEngineLacksIsAnErrorNotSilence() {
        EspeakEngine wrong = new EspeakEngine("espeak-ng", Map.of(I18n.ZH_CN, "zz"), 150, Map.of(),
                Duration.ofSeconds(20));
        assertThatThrownBy(() -> wrong.synthesize("请放置身份证", I18n.ZH_CN)).isInstanceOf(SpeechException.class)
                .hasMessageContaining("exit code");
    }

    @Test
    void aMissingEngineIsAnError() {
        assertThat(engine.locate()).as("espeak-ng found on PATH").isPresent();
        EspeakEngine missing = engine("/nonexistent/espeak-ng", Duration.ofSeconds(5));
        assertThat(missing.locate()).isEmpty();
        assertThat(engine("no-such-speech-engine", Duration.ofSeconds(5)).locate()).isEmpty();
        assertThatThrownBy(() -> missing.synthesize("请放置身份证", I18n.ZH_CN)).isInstanceOf(SpeechException.class)
                .hasMessageContaining("could not be started");
    }

    @Test
    void anEngineThatHangsIsKilledAtItsTimeout(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("pid");
        Path hang = script(dir, "hang", "echo $$ > " + pid + "\nexec sleep 600\n");
        EspeakEngine slow = engine(hang.toString(), Duration.ofMillis(500));
        assertThatThrownBy(() -> slow.synthesize("请放置身份证", I18n.ZH_CN)).isInstanceOf(SpeechException.class)
                .hasMessageContaining("took longer than 500 ms");
        long hung = Long.parseLong(Files.readString(pid).trim());
        org.govkiosk.testkit.Await.until("the hung engine is gone",
                () -> ProcessHandle.of(hung).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void anEngineThatWritesTooMuchIsRefused(@TempDir Path dir) throws Exception {
        // Writes a valid header and then far more audio than any prompt has.
        Path flood = script(dir, "flood", "while [ \"$1\" != -w ]; do shift; done\n"
                + "head -c " + (EspeakEngine.MAX_WAV_BYTES + 1) + " /dev/zero > \"$2\"\n");
        EspeakEngine big = engine(flood.toString(), Duration.ofSeconds(20));
        assertThatThrownBy(() -> big.synthesize("请放置身份证", I18n.ZH_CN)).isInstanceOf(SpeechException.class)
                .hasMessageContaining("more than " + EspeakEngine.MAX_WAV_BYTES);
    }

    @Test
    void theTextGoesInOnStandardInputNotTheCommandLine(@TempDir Path dir) throws Exception {
        Path args = dir.resolve("args");
        Path input = dir.resolve("input");
        Path spy = script(dir, "spy", "echo \"$@\" > " + args + "\ncat > " + input + "\nexec espeak-ng \"$@\" < "
                + input + "\n");
        Wav wav = engine(spy.toString(), Duration.ofSeconds(20)).synthesize("请放置身份证", I18n.ZH_CN);
        assertThat(wav.rms()).isGreaterThan(RMS_FLOOR);
        assertThat(Files.readString(args)).contains("-v cmn").doesNotContain("身份证");
        assertThat(Files.readString(input)).isEqualTo("请放置身份证");
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /** Normalised correlation of the two waveforms over their common length, at lag 0. */
    static double correlation(Wav a, Wav b) {
        int n = Math.min(a.frames(), b.frames());
        var x = java.nio.ByteBuffer.wrap(a.pcm()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        var y = java.nio.ByteBuffer.wrap(b.pcm()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double p = x.getShort(i * 2);
            double q = y.getShort(i * 2);
            xy += p * q;
            xx += p * p;
            yy += q * q;
        }
        return xx == 0 || yy == 0 ? 1 : Math.abs(xy) / Math.sqrt(xx * yy);
    }
}
