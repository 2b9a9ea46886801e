package org.govkiosk.app.voice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * espeak-ng (Debian's {@code espeak-ng}) run as a process per prompt: offline, small, with voices for Mandarin
 * ({@code cmn}), English, Uyghur ({@code ug}) and Kazakh ({@code kk}) among about a hundred; it has none for
 * Mongolian. The text goes in on standard input (never on the command line, where {@code ps} shows it); the WAV goes
 * to a private temporary file, read once the process has ended within its time and only if it is not too large.
 */
public final class EspeakEngine implements SpeechEngine {

    /** About three minutes of 22 kHz mono speech: far more than any prompt, far less than a runaway engine writes. */
    public static final long MAX_WAV_BYTES = 8L * 1024 * 1024;

    private final String program;
    private final Map<Locale, String> voices;
    private final int wordsPerMinute;
    private final Map<Locale, Integer> speeds;
    private final Duration timeout;

    /**
     * @param program        the program, a name looked up on PATH or an absolute path
     * @param voices         the espeak-ng voice of each UI language (a language not here is not spoken)
     * @param wordsPerMinute espeak-ng's {@code -s}
     * @param speeds         a language's own {@code -s} where it differs (Mandarin: each character is a word)
     * @param timeout        how long one prompt's synthesis may take before the process is killed
     */
    public EspeakEngine(String program, Map<Locale, String> voices, int wordsPerMinute, Map<Locale, Integer> speeds,
            Duration timeout) {
        this.program = program;
        this.voices = Map.copyOf(voices);
        this.wordsPerMinute = wordsPerMinute;
        this.speeds = Map.copyOf(speeds);
        this.timeout = timeout;
    }

    /** The program's file: the path given, or the first on PATH; empty when it is not installed. */
    public Optional<Path> locate() {
        if (program.contains("/")) {
            Path given = Path.of(program);
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean speaks(Locale locale) {
        return voice(locale).isPresent();
    }

    /** The voice of {@code locale}: its own, else its language's (zh-CN for zh), else none. */
    Optional<String> voice(Locale locale) {
        String exact = voices.get(locale);
        if (exact != null) {
            return Optional.of(exact);
        }
        return voices.entrySet().stream().filter(e -> e.getKey().getLanguage().equals(locale.getLanguage()))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Wav synthesize(String text, Locale locale) throws SpeechException, InterruptedException {
        String voice = voice(locale).orElseThrow(() -> new SpeechException("no espeak-ng voice configured for "
                + locale.toLanguageTag()));
        Path out;
        try {
            out = Files.createTempFile("govkiosk-voice-", ".wav");
        } catch (IOException e) {
            throw new SpeechException("cannot make a temporary file for speech: " + e.getMessage(), e);
        }
        try {
            return run(voice, speeds.getOrDefault(locale, wordsPerMinute), text, out);
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // A prompt's audio in the private temporary folder; nothing personal is ever spoken.
            }
        }
    }

    private Wav run(String voice, int speed, String text, Path out) throws SpeechException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program, "-v", voice, "-s", String.valueOf(speed),
                "-b", "1", "-w", out.toString(), "--stdin"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new SpeechException(program + " could not be started (Debian package espeak-ng): "
                    + e.getMessage(), e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // It ended without reading (a wrong voice, say): its exit code below says what went wrong.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SpeechException(program + " took longer than " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                throw new SpeechException(program + " -v " + voice + " ended with exit code " + process.exitValue());
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        try {
            long size = Files.size(out);
            if (size > MAX_WAV_BYTES) {
                throw new SpeechException(program + " wrote " + size + " bytes, more than " + MAX_WAV_BYTES);
            }
            return Wav.parse(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new SpeechException(program + "'s audio could not be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SpeechException(program + " wrote no usable WAV: " + e.getMessage(), e);
        }
    }
}
