package org.govkiosk.bench;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.concurrency.BoofConcurrency;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.govkiosk.device.internal.driver.camera.DecodedCode;
import org.govkiosk.device.internal.driver.camera.QrImageDecoder;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet.Kind;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet.Labelled;

/**
 * Issue 19: the QR read rate on the held-out set of generated kiosk-like frames ({@link QrFrameSet}), per kind of
 * frame and overall, with the CPU time per frame (median, p95) and on frames with no code apart, for the camera
 * decoder before (main's, {@link MainQrImageDecoder}) and after, plain ZXing (MultiFormatReader, HybridBinarizer,
 * one pass), ZXing trying harder, and BoofCV alone, all in the same run, frame by frame, so they share the load.
 *
 * <p>A code counts as read when its payload is reported; a payload that is on no code of the frame counts as false.
 * Arguments: {@code [seed] [frames a kind] [decoders, comma-separated] [--paths]}; defaults: the held-out seed, 30
 * (390 frames with codes, 480 in all), all decoders. {@code --paths} also prints which way the decoder went.
 */
public final class QrReadRateBenchmark {

    private QrReadRateBenchmark() {
    }

    private static final class Tally {
        int codes;
        int read;
        int falsePayloads;
        final List<Long> nanos = new ArrayList<>();
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.decode(args[0]) : QrFrameSet.HELD_OUT_SEED;
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String only = args.length > 2 ? args[2] : "main,ours,zxing,zxing-harder,boofcv";
        boolean paths = Arrays.asList(args).contains("--paths");
        // one decoding thread, as on the terminal, so CPU time of this thread is all the work
        BoofConcurrency.USE_CONCURRENT = false;
        QrImageDecoder ours = new QrImageDecoder();
        Map<String, Function<BufferedImage, List<String>>> decoders = new LinkedHashMap<>();
        MainQrImageDecoder main = new MainQrImageDecoder();
        decoders.put("main", img -> texts(main.decode(img)));
        decoders.put("ours", img -> texts(ours.decode(img)));
        decoders.put("zxing", zxing(false));
        decoders.put("zxing-harder", zxing(true));
        decoders.put("boofcv", boofcv());
        Set<String> wanted = new HashSet<>(Arrays.asList(only.split(",")));
        decoders.keySet().removeIf(name -> !wanted.contains(name));

        System.out.printf(Locale.ROOT, "QR read rate, seed %#x, %d frames a kind, %s%n", seed, perKind,
                Machine.describe());
        // warm-up on frames of the tuning set (another seed), so the JIT has compiled the passes
        for (Kind k : Kind.values()) {
            Labelled f = QrFrameSet.frame(QrFrameSet.TUNING_SEED, k, 999);
            decoders.values().forEach(d -> d.apply(f.image()));
        }
        Map<String, Map<Kind, Tally>> tallies = new LinkedHashMap<>();
        decoders.keySet().forEach(n -> tallies.put(n, new EnumMap<>(Kind.class)));
        Map<Kind, Map<String, Integer>> pathCounts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                Labelled f = QrFrameSet.frame(seed, k, i);
                for (Map.Entry<String, Function<BufferedImage, List<String>>> d : decoders.entrySet()) {
                    long t0 = Machine.threadCpuNanos();
                    List<String> got = d.getValue().apply(f.image());
                    long t = Machine.threadCpuNanos() - t0;
                    Tally tally = tallies.get(d.getKey()).computeIfAbsent(k, x -> new Tally());
                    tally.nanos.add(t);
                    tally.codes += f.payloads().size();
                    for (String p : new HashSet<>(got)) {
                        if (f.payloads().contains(p)) {
                            tally.read++;
                        } else {
                            tally.falsePayloads++;
                        }
                    }
                    if (d.getKey().equals("ours")) {
                        pathCounts.computeIfAbsent(k, x -> new TreeMap<>()).merge(ours.lastPath(), 1, Integer::sum);
                    }
                }
            }
        }
        print(tallies);
        if (paths) {
            System.out.println();
            System.out.println("ways the decoder went, per kind:");
            pathCounts.forEach((k, m) -> System.out.printf(Locale.ROOT, "  %-14s %s%n", k.label(), m));
        }
    }

    private static void print(Map<String, Map<Kind, Tally>> tallies) {
        List<String> names = new ArrayList<>(tallies.keySet());
        System.out.println();
        System.out.println("read rate (codes read / codes on the frames; false payloads in brackets where any):");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", "kind"));
        StringBuilder rule = new StringBuilder("|----------------|");
        for (String n : names) {
            head.append(String.format(Locale.ROOT, " %16s |", n));
            rule.append("-----------------:|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Kind k : Kind.values()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", k.label()));
            for (String n : names) {
                Tally t = tallies.get(n).get(k);
                String cell = t == null ? "-" : k.empty() ? "-" : String.format(Locale.ROOT, "%.0f %%",
                        100.0 * t.read / Math.max(1, t.codes));
                if (t != null && t.falsePayloads > 0) {
                    cell += " (" + t.falsePayloads + " false)";
                }
                row.append(String.format(Locale.ROOT, " %16s |", cell));
            }
            System.out.println(row);
        }
        StringBuilder all = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", "**all codes**"));
        StringBuilder falses = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", "false payloads"));
        for (String n : names) {
            int codes = 0;
            int read = 0;
            int f = 0;
            for (Tally t : tallies.get(n).values()) {
                codes += t.codes;
                read += t.read;
                f += t.falsePayloads;
            }
            all.append(String.format(Locale.ROOT, " %16s |", String.format(Locale.ROOT, "%.1f %% (%d/%d)",
                    100.0 * read / Math.max(1, codes), read, codes)));
            falses.append(String.format(Locale.ROOT, " %16d |", f));
        }
        System.out.println(all);
        System.out.println(falses);
        System.out.println();
        System.out.println("CPU time per frame, ms, median / p95:");
        System.out.println(head);
        System.out.println(rule);
        for (Kind k : Kind.values()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", k.label()));
            for (String n : names) {
                Tally t = tallies.get(n).get(k);
                row.append(String.format(Locale.ROOT, " %16s |", t == null ? "-" : times(t.nanos)));
            }
            System.out.println(row);
        }
        for (int empty = 0; empty < 3; empty++) {
            String label = switch (empty) {
                case 0 -> "**with codes**";
                case 1 -> "**no code**";
                default -> "**all frames**";
            };
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-14s |", label));
            for (String n : names) {
                List<Long> ns = new ArrayList<>();
                for (Map.Entry<Kind, Tally> e : tallies.get(n).entrySet()) {
                    boolean take = switch (empty) {
                        case 0 -> !e.getKey().empty();
                        case 1 -> e.getKey().empty();
                        default -> true;
                    };
                    if (take) {
                        ns.addAll(e.getValue().nanos);
                    }
                }
                row.append(String.format(Locale.ROOT, " %16s |", times(ns)));
            }
            System.out.println(row);
        }
    }

    private static String times(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double median = s[s.length / 2] / 1e6;
        double p95 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)] / 1e6;
        return String.format(Locale.ROOT, "%.1f / %.1f", median, p95);
    }

    /** Rec. 601 luma, straight from the buffer of a decoded JPEG (3-byte BGR), as the camera decoder does it. */
    private static byte[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h];
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte b) {
            byte[] d = b.getData();
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = (byte) (((d[j + 2] & 0xFF) * 306 + (d[j + 1] & 0xFF) * 601 + (d[j] & 0xFF) * 117) >> 10);
            }
            return out;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[y * w + x] = (byte) ((((p >> 16) & 0xFF) * 306 + ((p >> 8) & 0xFF) * 601 + (p & 0xFF) * 117)
                        >> 10);
            }
        }
        return out;
    }

    private static List<String> texts(List<DecodedCode> codes) {
        return codes.stream().map(DecodedCode::text).toList();
    }

    /** Plain ZXing: MultiFormatReader (QR only) on the hybrid binarisation, one pass, one code. */
    private static Function<BufferedImage, List<String>> zxing(boolean harder) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (harder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(hints);
        return img -> {
            LuminanceSource l = new PlanarYUVLuminanceSource(grey(img), img.getWidth(), img.getHeight(), 0, 0,
                    img.getWidth(), img.getHeight(), false);
            try {
                return List.of(reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(l))).getText());
            } catch (NotFoundException e) {
                return List.of();
            } finally {
                reader.reset();
            }
        };
    }

    /** BoofCV's QR detector alone, default configuration, on the grey frame. */
    private static Function<BufferedImage, List<String>> boofcv() {
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        GrayU8 grey = new GrayU8(1, 1);
        return img -> {
            grey.reshape(img.getWidth(), img.getHeight());
            byte[] g = grey(img);
            System.arraycopy(g, 0, grey.data, 0, g.length);
            detector.process(grey);
            List<String> out = new ArrayList<>();
            for (QrCode qr : detector.getDetections()) {
                out.add(qr.message);
            }
            return out;
        };
    }
}
