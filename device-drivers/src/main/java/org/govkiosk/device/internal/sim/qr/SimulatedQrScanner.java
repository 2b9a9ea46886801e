package org.govkiosk.device.internal.sim.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.sim.DeviceSimulator;

/**
 * A serial scan engine that "scans" what it is told, through {@link #scan(String)} or the console's
 * {@code scan TEXT} (the text is taken verbatim after one space). Each scan goes out as the engine would send it:
 * the AIM identifier if set ("]Q1"), the text in the configured charset, then the terminator.
 */
public final class SimulatedQrScanner extends DeviceSimulator {

    private final ScanFrameConfig.Terminator terminator;
    private final String symbology;
    private final Charset charset;

    /** CR-terminated UTF-8 without AIM identifier. */
    public SimulatedQrScanner() {
        this(ScanFrameConfig.Terminator.CR, "", StandardCharsets.UTF_8);
    }

    /** @param symbology the AIM identifier without ']', e.g. "Q1"; empty for none */
    public SimulatedQrScanner(ScanFrameConfig.Terminator terminator, String symbology, Charset charset) {
        this.terminator = Objects.requireNonNull(terminator);
        this.symbology = Objects.requireNonNull(symbology);
        this.charset = Objects.requireNonNull(charset);
        if (!symbology.isEmpty() && !symbology.matches("[A-Za-z][A-Za-z0-9]")) {
            throw new IllegalArgumentException("AIM identifier must be like Q1, was '" + symbology + "'");
        }
    }

    @Override
    public String name() {
        return "qr-scanner";
    }

    @Override
    protected void onBytes(byte[] data) {
        // Engines in serial output mode take configuration commands this simulator has no need to answer.
    }

    public void scan(String text) {
        send(encode(text));
    }

    /** The bytes one scan of {@code text} produces. */
    public byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!symbology.isEmpty()) {
            out.writeBytes(("]" + symbology).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(text.getBytes(charset));
        out.writeBytes(terminator.bytes());
        return out.toByteArray();
    }

    /** Takes {@code scan TEXT} before the common commands, so the text keeps its spacing. */
    @Override
    public String command(String line) {
        String trimmed = line.stripLeading();
        String first = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!first.equals("scan")) {
            return super.command(line);
        }
        String text = trimmed.length() > 5 ? trimmed.substring(5) : "";
        if (text.isEmpty()) {
            return "error 'scan' needs the text to scan";
        }
        scan(text);
        return "ok scanned " + text.length() + " characters";
    }
}
