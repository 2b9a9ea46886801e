package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** terminal.yaml's voice section: off by default, each value bounded, a misspelt key answered with the one meant. */
class VoiceConfigTest {

    @TempDir
    Path dir;

    private ConfigDir withVoice(String section) {
        return new ConfigDir(dir).terminal("platform:\n  url: embedded\n",
                "platform:\n  url: embedded\nvoice:\n" + section.indent(2));
    }

    @Test
    void withoutTheSectionVoiceIsOffWithMandarinAndEnglishVoices() {
        TerminalConfig.Voice voice = new ConfigDir(dir).load().voice();
        assertThat(voice.enabled()).isFalse();
        assertThat(voice.volume()).isEqualTo(70);
        assertThat(voice.engine()).isEqualTo("espeak-ng");
        assertThat(voice.voices()).containsEntry(Locale.SIMPLIFIED_CHINESE, "cmn").containsEntry(Locale.ENGLISH,
                "en-gb");
        assertThat(voice.speeds()).containsEntry(Locale.SIMPLIFIED_CHINESE, 210);
    }

    @Test
    void readsEveryKey() {
        TerminalConfig.Voice voice = withVoice("""
                enabled: true
                volume: 40
                speed: 180
                speeds: {en: 160}
                engine: /usr/local/bin/espeak-ng
                timeout: 2s
                voices: {en: en-us+f3, zh-CN: "off"}
                """).load().voice();
        assertThat(voice.enabled()).isTrue();
        assertThat(voice.volume()).isEqualTo(40);
        assertThat(voice.wordsPerMinute()).isEqualTo(180);
        assertThat(voice.speeds()).containsEntry(Locale.ENGLISH, 160);
        assertThat(voice.engine()).isEqualTo("/usr/local/bin/espeak-ng");
        assertThat(voice.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(voice.voices()).containsEntry(Locale.ENGLISH, "en-us+f3").doesNotContainKey(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void theShippedConfigurationSpeaksMandarinAndEnglishAndStartsSilent() throws Exception {
        assertThat(Files.readString(Path.of("../config/terminal.yaml"))).contains("voice:", "zh-CN: cmn",
                "en: en-gb", "enabled: false");
    }

    @Test
    void aMisspeltKeyIsAnsweredWithTheOneMeant() {
        List<String> problems = withVoice("volum: 50\n").problems();
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.volum", "volume");
    }

    @Test
    void badValuesAreNamedWithTheirKeys() {
        List<String> problems = withVoice("""
                volume: 150
                speed: fast
                timeout: 2m
                engine: bin/espeak-ng
                voices: {fr: fr, en: "en gb"}
                speeds: {zh-CN: 20}
                """).problems();
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.volume", "150");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.speed", "fast");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.timeout", "at most 1m");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.engine", "absolute path");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.voices.fr", "unknown locale", "zh-CN");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.voices.en", "espeak-ng voice name");
        ConfigDir.problemAt(problems, ConfigLoader.TERMINAL_FILE, "voice.speeds.zh-CN", "80..450");
        assertThat(problems).hasSize(7);
    }
}
