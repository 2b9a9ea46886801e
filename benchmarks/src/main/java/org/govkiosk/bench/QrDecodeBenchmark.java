package org.govkiosk.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.govkiosk.device.internal.driver.camera.DecodedCode;
import org.govkiosk.device.internal.driver.camera.QrImageDecoder;

/**
 * Issue 3: ZXing decode time of 1280×720 camera frames through the camera driver's {@link QrImageDecoder} (all
 * codes of a frame, trying harder, inverted, then turned by 45°): one code, two codes, a turned code, a small
 * code far off the axes (found only on the turned pass), and frames with no code, the worst case, since every pass
 * runs. Also the JPEG read of such a frame, which the folder source does before decoding.
 * <p>
 * Arguments: {@code [warm-up rounds] [measured rounds]}, default 10 and 100; each round decodes every frame once.
 */
public final class QrDecodeBenchmark {

    private static final String CODE = "https://zwfw.example.gov.cn/elic?c=E3301000000123456789&t=1718000000";

    private QrDecodeBenchmark() {
    }

    private record Case(String label, BufferedImage image, int expectedCodes) {
    }

    public static void main(String[] args) throws IOException {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Case> cases = List.of(
                new Case("one code, upright", new QrFrames().code(CODE, 6, 640, 360, 0).noise(8, 1).image(), 1),
                new Case("two codes", new QrFrames().code(CODE, 5, 330, 360, 0)
                        .code("RECEIPT-11010500000000120250318000123", 5, 950, 360, 90).noise(8, 2).image(), 2),
                new Case("one code, turned 30 deg", new QrFrames().code(CODE, 6, 640, 360, 30).noise(8, 3).image(), 1),
                new Case("one code, turned 180 deg", new QrFrames().code(CODE, 6, 640, 360, 180).noise(8, 4).image(),
                        1),
                new Case("small code, 3 px modules, turned 40 deg", new QrFrames().code(CODE, 3, 640, 360, 40)
                        .noise(8, 5).image(), 1),
                new Case("no code: sensor noise (worst case)", new QrFrames().noise(25, 6).image(), 0),
                new Case("no code: page of text (worst case)", new QrFrames().textLines(7).noise(8, 7).image(), 0));

        QrImageDecoder decoder = new QrImageDecoder();
        for (Case c : cases) {
            List<DecodedCode> found = decoder.decode(c.image());
            if (found.size() != c.expectedCodes()) {
                throw new IllegalStateException(c.label() + ": expected " + c.expectedCodes() + " codes, found "
                        + found.size() + "; the benchmark would measure the wrong thing");
            }
        }
        byte[] jpeg = jpeg(cases.get(0).image());

        Map<String, long[]> times = new LinkedHashMap<>();
        Map<String, long[]> cpuTimes = new LinkedHashMap<>();
        for (Case c : cases) {
            times.put(c.label(), new long[measured]);
            cpuTimes.put(c.label(), new long[measured]);
        }
        long[] jpegTimes = new long[measured];
        long[] jpegCpuTimes = new long[measured];
        long sink = 0;
        long started = System.nanoTime();
        for (int round = 0; round < warmUp + measured; round++) {
            // Interleaved, so a slow phase of the machine (another process, a GC) spreads over every case alike.
            for (Case c : cases) {
                long c0 = Machine.threadCpuNanos();
                long t0 = System.nanoTime();
                sink += decoder.decode(c.image()).size();
                long t1 = System.nanoTime();
                long c1 = Machine.threadCpuNanos();
                if (round >= warmUp) {
                    times.get(c.label())[round - warmUp] = t1 - t0;
                    cpuTimes.get(c.label())[round - warmUp] = c1 - c0;
                }
            }
            long c0 = Machine.threadCpuNanos();
            long t0 = System.nanoTime();
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpeg));
            long t1 = System.nanoTime();
            long c1 = Machine.threadCpuNanos();
            sink += read.getWidth();
            if (round >= warmUp) {
                jpegTimes[round - warmUp] = t1 - t0;
                jpegCpuTimes[round - warmUp] = c1 - c0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println();
        System.out.println("QR decoding of 1280x720 frames (QrImageDecoder: multi-code, TRY_HARDER, inverted, 45 deg)");
        System.out.printf(Locale.ROOT, "  %d rounds measured after %d warm-up rounds, %.1f s; %s%n", measured, warmUp,
                seconds, Machine.describe());
        System.out.println("  " + Samples.headerWithCpu("frame (decode only)"));
        for (Map.Entry<String, long[]> e : times.entrySet()) {
            System.out.println("  " + Samples.of(e.getValue(), measured).row(e.getKey(),
                    Samples.of(cpuTimes.get(e.getKey()), measured)));
        }
        System.out.println("  " + Samples.of(jpegTimes, measured).row("JPEG file -> image (ImageIO, " + jpeg.length / 1024
                + " KB)", Samples.of(jpegCpuTimes, measured)));
        if (sink == 42) {
            System.out.println(); // keeps the results alive for the JIT
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
