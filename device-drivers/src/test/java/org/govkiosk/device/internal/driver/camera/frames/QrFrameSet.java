package org.govkiosk.device.internal.driver.camera.frames;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Kiosk-like 1280×720 camera frames with QR codes, made reproducibly from a seed: each frame from
 * (seed, kind, index) alone, so a set is the same on every machine and two seeds give disjoint sets. Each frame is
 * labelled with the payloads drawn on it (none for the empty kinds). The codes are drawn by ZXing's writer on a
 * carrier (paper or a phone screen), warped into the frame by a homography (and a bend for curved paper), then the
 * camera's faults are applied: blur, glare, noise, JPEG.
 *
 * <p>{@code main}: {@code QrFrameSet <seed> <per-kind> [out-dir]} writes PNGs and {@code labels.tsv} when given a
 * directory, and prints the count per kind.
 */
public final class QrFrameSet {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    /** Seeds of the two disjoint sets: tune on the first, judge on the second. */
    public static final long TUNING_SEED = 0x7E57_0019L;
    public static final long HELD_OUT_SEED = 0x4E1D_0071L;

    /** The kinds of frame; the last three carry no code. */
    public enum Kind {
        SCREEN_MOIRE, DARK_MODE, TILT, MOTION_BLUR, DEFOCUS, GLARE, FADED, CURVED, FINGER, MULTI, SMALL,
        LOW_CONTRAST, NOISE_JPEG, EMPTY_HALL, EMPTY_TEXT, EMPTY_BLOBS;

        public boolean empty() {
            return name().startsWith("EMPTY");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One frame and what is on it. */
    public record Labelled(String id, Kind kind, BufferedImage image, List<String> payloads) {
    }

    private QrFrameSet() {
    }

    /** {@code perKind} frames of every kind, kind by kind. */
    public static List<Labelled> generate(long seed, int perKind) {
        List<Labelled> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                out.add(frame(seed, k, i));
            }
        }
        return out;
    }

    public static Labelled frame(long seed, Kind kind, int index) {
        Random r = new Random(seed * 1_000_003L + kind.ordinal() * 10_007L + index);
        String id = String.format(Locale.ROOT, "%x-%s-%03d", seed, kind.label(), index);
        Painter p = new Painter(r);
        List<String> payloads = new ArrayList<>();
        p.hall();
        switch (kind) {
            case SCREEN_MOIRE -> payloads.add(p.phone(payload(r, id), false, 3 + r.nextDouble() * 3, true));
            case DARK_MODE -> payloads.add(p.phone(payload(r, id), true, 3 + r.nextDouble() * 3, r.nextBoolean()));
            case TILT -> payloads.add(p.paper(payload(r, id), 3 + r.nextDouble() * 3, 0.22 + r.nextDouble() * 0.12, 0,
                    Ink.NORMAL));
            case MOTION_BLUR, DEFOCUS, GLARE -> {
                String text = payload(r, id);
                if (r.nextBoolean()) {
                    payloads.add(p.paper(text, 4 + r.nextDouble() * 3, 0.08, 0, Ink.NORMAL));
                } else {
                    payloads.add(p.phone(text, false, 4 + r.nextDouble() * 3, false));
                }
            }
            case FADED -> payloads.add(p.paper(payload(r, id), 3 + r.nextDouble() * 3, 0.08, 0, Ink.FADED));
            case CURVED -> payloads.add(p.paper(payload(r, id), 3.5 + r.nextDouble() * 2.5, 0.08,
                    0.03 + r.nextDouble() * 0.05, Ink.NORMAL));
            case FINGER -> {
                payloads.add(p.paper(payload(r, id), 3.5 + r.nextDouble() * 2.5, 0.06, 0, Ink.NORMAL));
                p.finger();
            }
            case MULTI -> {
                int n = 2 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    p.region(i, n);
                    payloads.add(p.paper(payload(r, id + "/" + i), 2.8 + r.nextDouble() * 2, 0.08, 0, Ink.NORMAL));
                }
            }
            case SMALL -> payloads.add(p.paper(shortPayload(r, id),
                    1.35 + r.nextDouble() * 0.65, 0.05, 0, Ink.NORMAL));
            case LOW_CONTRAST -> payloads.add(p.paper(payload(r, id), 3 + r.nextDouble() * 3, 0.08, 0, Ink.LOW));
            case NOISE_JPEG -> payloads.add(p.paper(payload(r, id), 2.6 + r.nextDouble() * 2.4, 0.1, 0, Ink.NORMAL));
            case EMPTY_HALL -> p.hallDetails();
            case EMPTY_TEXT -> p.textPage();
            case EMPTY_BLOBS -> p.blobs();
        }
        switch (kind) {
            case MOTION_BLUR -> p.motionBlur(4 + r.nextDouble() * 8, r.nextDouble() * Math.PI);
            case DEFOCUS -> p.defocus(1.6 + r.nextDouble() * 2.4);
            case GLARE -> p.glare();
            default -> {
                if (r.nextInt(3) == 0) {
                    p.defocus(0.8 + r.nextDouble() * 0.6); // most webcams are never quite sharp
                }
            }
        }
        boolean harsh = kind == Kind.NOISE_JPEG;
        p.noise(harsh ? 14 + r.nextDouble() * 12 : 2 + r.nextDouble() * 4);
        BufferedImage image = p.jpeg(harsh ? 0.12f + r.nextFloat() * 0.2f : 0.6f + r.nextFloat() * 0.3f);
        return new Labelled(id, kind, image, List.copyOf(payloads));
    }

    /** What a kiosk is shown: a licence link, a booking number, an appointment in Chinese; unique per frame. */
    private static String payload(Random r, String id) {
        String tag = Integer.toString(Math.abs((id + r.nextInt()).hashCode()), 36);
        return switch (r.nextInt(4)) {
            case 0 -> "https://zwfw.example.gov.cn/elic?c=E" + (1_000_000_000L + r.nextInt(999_999_999)) + "&t=" + tag;
            case 1 -> "GK-YY-" + tag.toUpperCase(Locale.ROOT) + "-" + r.nextInt(100_000);
            case 2 -> "预约" + (1 + r.nextInt(28)) + "日 窗口" + (1 + r.nextInt(30)) + " 号" + tag;
            default -> "https://zwfw.example.gov.cn/q/" + tag + "/" + Long.toString(r.nextLong() & 0xFFFFFFFFFFL, 36)
                    + "?from=kiosk&hall=" + r.nextInt(500);
        };
    }

    /** Short payloads for the small codes (version 1 to 3), so the code is small in the frame as on a slip. */
    private static String shortPayload(Random r, String id) {
        String tag = Integer.toString(Math.abs((id + r.nextInt()).hashCode()), 36);
        return r.nextBoolean() ? "GK" + tag.toUpperCase(Locale.ROOT) : "https://g.cn/" + tag;
    }

    enum Ink { NORMAL, FADED, LOW }

    /** Draws one frame. */
    private static final class Painter {
        private final Random r;
        private final BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        private final int[] px = ((java.awt.image.DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        private double regionX0 = 0;
        private double regionX1 = WIDTH;

        Painter(Random r) {
            this.r = r;
        }

        void region(int i, int n) {
            regionX0 = WIDTH * i / (double) n;
            regionX1 = WIDTH * (i + 1) / (double) n;
        }

        /** A wall, a counter, a floor, lit unevenly. */
        void hall() {
            Graphics2D g = frame.createGraphics();
            int base = 120 + r.nextInt(100);
            Color wall = new Color(base, base - r.nextInt(20), base - r.nextInt(30));
            g.setPaint(new java.awt.GradientPaint(0, 0, wall.brighter(), WIDTH, HEIGHT, wall.darker()));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int counter = HEIGHT / 2 + r.nextInt(HEIGHT / 3);
            g.setColor(new Color(90 + r.nextInt(80), 70 + r.nextInt(60), 50 + r.nextInt(50)));
            g.fillRect(0, counter, WIDTH, HEIGHT - counter);
            for (int i = 0; i < 3 + r.nextInt(5); i++) {
                g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                g.fillRect(r.nextInt(WIDTH), r.nextInt(HEIGHT), 20 + r.nextInt(200), 10 + r.nextInt(120));
            }
            g.dispose();
        }

        /** Signs, window panes, ceiling lights: edges and squares that are not codes. */
        void hallDetails() {
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int x0 = r.nextInt(WIDTH / 2);
            int y0 = r.nextInt(HEIGHT / 3);
            int cell = 20 + r.nextInt(40);
            g.setColor(new Color(40, 40, 50));
            g.setStroke(new BasicStroke(3 + r.nextInt(6)));
            for (int i = 0; i <= 4; i++) {
                g.drawLine(x0 + i * cell, y0, x0 + i * cell, y0 + 3 * cell);
            }
            for (int j = 0; j <= 3; j++) {
                g.drawLine(x0, y0 + j * cell, x0 + 4 * cell, y0 + j * cell);
            }
            for (int i = 0; i < 6 + r.nextInt(10); i++) {
                int s = 10 + r.nextInt(60);
                int x = r.nextInt(WIDTH - s);
                int y = r.nextInt(HEIGHT - s);
                g.setColor(r.nextBoolean() ? Color.BLACK : Color.WHITE);
                g.fillRect(x, y, s, s);
                g.setColor(r.nextBoolean() ? Color.WHITE : new Color(r.nextInt(256), 80, 80));
                g.fillRect(x + s / 5, y + s / 5, s * 3 / 5, s * 3 / 5);
            }
            g.setColor(new Color(200, 30, 30));
            g.fillRect(r.nextInt(WIDTH - 400), r.nextInt(HEIGHT - 80), 400, 70);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("Service Hall 政务服务大厅 " + r.nextInt(99), 20 + r.nextInt(WIDTH / 2), 60 + r.nextInt(HEIGHT - 80));
            g.dispose();
        }

        /** A printed page held up to the camera. */
        void textPage() {
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int x = r.nextInt(300);
            int y = r.nextInt(150);
            g.setColor(new Color(235, 235, 225));
            g.fillRect(x, y, 800 + r.nextInt(150), 560);
            g.setColor(new Color(30, 30, 30));
            String[] words = {"申请", "Application", "营业执照", "No.", "办理", "2026", "证明", "Licence", "■□■",
                "居住证", "qrcode", "回执", "Receipt", "■■ ■"};
            for (int line = 0; line < 18; line++) {
                StringBuilder s = new StringBuilder();
                for (int w = 0; w < 10; w++) {
                    s.append(words[r.nextInt(words.length)]).append(' ');
                }
                g.setFont(new Font(r.nextBoolean() ? Font.SERIF : Font.SANS_SERIF, Font.PLAIN, 16 + r.nextInt(12)));
                g.drawString(s.toString(), x + 30, y + 40 + line * 28);
            }
            g.dispose();
        }

        /** Face-like blobs (eyes are dark rings), and always a forged code: finder patterns around random modules. */
        void blobs() {
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                double cx = 150 + r.nextInt(WIDTH - 300);
                double cy = 150 + r.nextInt(HEIGHT - 300);
                double s = 60 + r.nextInt(100);
                face(g, cx, cy, s, new Color(200 + r.nextInt(40), 160 + r.nextInt(40), 130 + r.nextInt(40)));
            }
            g.dispose();
            forged();
        }

        /** Three real finder patterns and timing lines around random data: looks like a code, is none. */
        private void forged() {
            int n = 25;
            boolean[][] m = new boolean[n][n];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    m[y][x] = r.nextBoolean();
                }
            }
            finder(m, 0, 0);
            finder(m, n - 7, 0);
            finder(m, 0, n - 7);
            for (int i = 8; i < n - 8; i++) {
                m[6][i] = i % 2 == 0;
                m[i][6] = i % 2 == 0;
            }
            double module = 4 + r.nextDouble() * 3;
            double side = (n + 8) * module;
            double cx = side / 2 + r.nextDouble() * (WIDTH - side);
            double cy = side / 2 + r.nextDouble() * (HEIGHT - side);
            double a = r.nextDouble() * 0.5;
            warp(carrier(m, 8, 0xF4F4F0, 0x141414), quad(cx, cy, side, side, a, 0.05), 0, 3);
        }

        private static void finder(boolean[][] m, int ox, int oy) {
            for (int y = -1; y <= 7; y++) {
                for (int x = -1; x <= 7; x++) {
                    if (oy + y < 0 || ox + x < 0 || oy + y >= m.length || ox + x >= m.length) {
                        continue;
                    }
                    int d = Math.max(Math.abs(x - 3), Math.abs(y - 3));
                    m[oy + y][ox + x] = d != 2 && d != 4;
                }
            }
        }

        /** A paper with a printed code; returns the payload. */
        String paper(String text, double modulePx, double skew, double bend, Ink ink) {
            boolean[][] m = matrix(text);
            int paper = ink == Ink.FADED ? 0xE8E2CC : 0xF2F2EE - r.nextInt(0x10) * 0x010101;
            int dark = switch (ink) {
                case NORMAL -> 0x101010 + r.nextInt(0x30) * 0x010101;
                case FADED -> 0x9C9890 + r.nextInt(0x28) * 0x010101;
                case LOW -> 0x707070 + r.nextInt(0x18) * 0x010101;
            };
            if (ink == Ink.LOW) {
                paper = 0xA8A8A8 + r.nextInt(0x18) * 0x010101;
            }
            int cpx = 8;
            BufferedImage c = carrier(m, cpx, paper, dark);
            if (ink == Ink.FADED) {
                fadeUnevenly(c);
            }
            double side = (m.length + 8) * modulePx;
            double[] q = placed(side, skew);
            warp(c, q, bend, 3);
            return text;
        }

        /** A phone held up: a dark bezel, the code on the screen (light or dark mode), with moiré. */
        String phone(String text, boolean dark, double modulePx, boolean moire) {
            boolean[][] m = matrix(text);
            int cpx = 9;
            int back = dark ? 0x1E1E1E + r.nextInt(0x10) * 0x010101 : 0xF8F8F8;
            int ink = dark ? 0xE8E8E8 - r.nextInt(0x20) * 0x010101 : 0x000000;
            BufferedImage code = carrier(m, cpx, back, ink);
            int bezel = cpx * 6;
            BufferedImage phone = new BufferedImage(code.getWidth() + 2 * bezel, code.getHeight() * 2 + 2 * bezel,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = phone.createGraphics();
            g.setColor(new Color(0x15, 0x15, 0x18));
            g.fillRect(0, 0, phone.getWidth(), phone.getHeight());
            g.setColor(new Color(back));
            g.fillRect(bezel, bezel, code.getWidth(), code.getHeight() * 2);
            int top = bezel + code.getHeight() / 2;
            g.drawImage(code, bezel, top, null);
            g.dispose();
            // the screen's subpixel grid: dark gaps between pixel rows and columns, sampled by the camera below
            // their period, which is what makes moiré; plus the beat a camera shows filming a refreshing screen
            double period = 3;
            double beatAngle = r.nextDouble() * Math.PI;
            double beatPeriod = 9 + r.nextDouble() * 20;
            double beatDepth = moire ? 0.10 + r.nextDouble() * 0.22 : 0;
            for (int y = bezel; y < phone.getHeight() - bezel; y++) {
                for (int x = bezel; x < phone.getWidth() - bezel; x++) {
                    int p = phone.getRGB(x, y);
                    double f = (x % period == 0 || y % period == 0) ? 0.8 : 1;
                    double phase = (x * Math.cos(beatAngle) + y * Math.sin(beatAngle)) / beatPeriod * 2 * Math.PI;
                    f *= 1 - beatDepth * (0.5 + 0.5 * Math.sin(phase));
                    phone.setRGB(x, y, scale(p, f));
                }
            }
            double scale = modulePx / cpx;
            double w = phone.getWidth() * scale;
            double h = phone.getHeight() * scale;
            double[] q = placed(Math.max(w, h), 0.1, w, h);
            warp(phone, q, 0, moire ? 1 : 2);
            return text;
        }

        /** A finger over the code's edge: a skin-coloured capsule from outside into the quiet zone. */
        void finger() {
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double[] b = lastBounds;
            double side = b[2] - b[0];
            // the finger enters from below or from a side, its tip in the middle of an edge (not on a finder)
            double w = side * (0.12 + r.nextDouble() * 0.06);
            int edge = r.nextInt(3);
            double reach = side * (0.06 + r.nextDouble() * 0.08);
            RoundRectangle2D.Double f = switch (edge) {
                case 0 -> new RoundRectangle2D.Double((b[0] + b[2]) / 2 - w / 2 + side * 0.1, b[3] - reach, w,
                        HEIGHT, w, w); // from below
                case 1 -> new RoundRectangle2D.Double(b[2] - reach, (b[1] + b[3]) / 2 - w / 2, WIDTH, w, w, w);
                default -> new RoundRectangle2D.Double(-WIDTH + b[0] + reach, (b[1] + b[3]) / 2 - w / 2, WIDTH, w,
                        w, w);
            };
            g.setColor(new Color(205 + r.nextInt(30), 150 + r.nextInt(30), 120 + r.nextInt(30)));
            g.fill(f);
            g.setColor(new Color(160, 110, 90));
            g.setStroke(new BasicStroke(2));
            g.draw(f);
            g.dispose();
        }

        /** A light reflected off a screen or glossy paper: a bright, partly saturating ellipse. */
        void glare() {
            double[] b = lastBounds;
            double cx = b[0] + (b[2] - b[0]) * (0.2 + r.nextDouble() * 0.6);
            double cy = b[1] + (b[3] - b[1]) * (0.2 + r.nextDouble() * 0.6);
            double rx = (b[2] - b[0]) * (0.10 + r.nextDouble() * 0.12);
            double ry = rx * (0.5 + r.nextDouble());
            double strength = 140 + r.nextDouble() * 120;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    double d = sq((x - cx) / rx) + sq((y - cy) / ry);
                    if (d < 9) {
                        int add = (int) (strength * Math.exp(-d));
                        px[y * WIDTH + x] = add(px[y * WIDTH + x], add);
                    }
                }
            }
        }

        private double[] lastBounds = {0, 0, WIDTH, HEIGHT};

        /** Random modules of a QR code with the payload; the quiet zone is drawn by the carrier. */
        private boolean[][] matrix(String text) {
            ErrorCorrectionLevel[] levels = {ErrorCorrectionLevel.L, ErrorCorrectionLevel.M, ErrorCorrectionLevel.M,
                ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H};
            BitMatrix b;
            try {
                b = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                        EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 0,
                        EncodeHintType.ERROR_CORRECTION, levels[r.nextInt(levels.length)]));
            } catch (WriterException e) {
                throw new IllegalStateException(e);
            }
            boolean[][] m = new boolean[b.getHeight()][b.getWidth()];
            for (int y = 0; y < m.length; y++) {
                for (int x = 0; x < m.length; x++) {
                    m[y][x] = b.get(x, y);
                }
            }
            return m;
        }

        /** The code with a 4-module quiet zone, {@code cpx} pixels a module. */
        private static BufferedImage carrier(boolean[][] m, int cpx, int light, int dark) {
            int side = (m.length + 8) * cpx;
            BufferedImage c = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int mx = x / cpx - 4;
                    int my = y / cpx - 4;
                    boolean on = mx >= 0 && my >= 0 && mx < m.length && my < m.length && m[my][mx];
                    c.setRGB(x, y, on ? dark : light);
                }
            }
            return c;
        }

        /** Faded thermal print: the ink lightens in patches and streaks. */
        private void fadeUnevenly(BufferedImage c) {
            double ax = r.nextDouble() * 6;
            double ay = r.nextDouble() * 6;
            double fx = 1.0 / (40 + r.nextInt(120));
            for (int y = 0; y < c.getHeight(); y++) {
                for (int x = 0; x < c.getWidth(); x++) {
                    int p = c.getRGB(x, y);
                    double t = 0.5 + 0.25 * Math.sin(x * fx + ax) + 0.25 * Math.sin(y * fx * 1.3 + ay);
                    int grey = p & 0xFF;
                    if (grey < 0xC0) {
                        int lift = (int) (t * 45);
                        c.setRGB(x, y, add(p, lift));
                    }
                }
            }
        }

        private double[] placed(double side, double skew) {
            return placed(side, skew, side, side);
        }

        /** Corners of a w×h carrier turned by a random angle and tilted, inside the current region. */
        private double[] placed(double side, double skew, double w, double h) {
            double span = Math.hypot(w, h) / 2 + 4;
            double minX = regionX0 + span;
            double maxX = Math.max(minX, regionX1 - span);
            double cx = minX + r.nextDouble() * (maxX - minX);
            double minY = span;
            double maxY = Math.max(minY, HEIGHT - span);
            double cy = minY + r.nextDouble() * (maxY - minY);
            return quad(cx, cy, w, h, r.nextDouble() * 2 * Math.PI, skew);
        }

        private double[] quad(double cx, double cy, double w, double h, double angle, double skew) {
            double[] q = new double[8];
            double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            for (int i = 0; i < 4; i++) {
                double x = corners[i][0] * (1 + skew * (r.nextDouble() * 2 - 1));
                double y = corners[i][1] * (1 + skew * (r.nextDouble() * 2 - 1));
                // perspective: pull one side in
                q[2 * i] = cx + x * cos - y * sin;
                q[2 * i + 1] = cy + x * sin + y * cos;
            }
            double minX = Math.min(Math.min(q[0], q[2]), Math.min(q[4], q[6]));
            double minY = Math.min(Math.min(q[1], q[3]), Math.min(q[5], q[7]));
            double maxX = Math.max(Math.max(q[0], q[2]), Math.max(q[4], q[6]));
            double maxY = Math.max(Math.max(q[1], q[3]), Math.max(q[5], q[7]));
            lastBounds = new double[] {minX, minY, maxX, maxY};
            return q;
        }

        /** Draws carrier {@code c} into the quad (its corners clockwise from top-left), bent by {@code bend}. */
        private void warp(BufferedImage c, double[] q, double bend, int samples) {
            double cw = c.getWidth();
            double ch = c.getHeight();
            double[] h = Homography.squareToQuad(q);
            double[] inv = Homography.invert(h);
            int x0 = Math.max(0, (int) Math.floor(lastBounds[0]) - 2);
            int y0 = Math.max(0, (int) Math.floor(lastBounds[1]) - 2);
            int x1 = Math.min(WIDTH - 1, (int) Math.ceil(lastBounds[2]) + 2);
            int y1 = Math.min(HEIGHT - 1, (int) Math.ceil(lastBounds[3]) + 2);
            int[] cp = c.getRGB(0, 0, c.getWidth(), c.getHeight(), null, 0, c.getWidth());
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int rr = 0;
                    int gg = 0;
                    int bb = 0;
                    int hits = 0;
                    for (int sy = 0; sy < samples; sy++) {
                        for (int sx = 0; sx < samples; sx++) {
                            double fx = x + (sx + 0.5) / samples;
                            double fy = y + (sy + 0.5) / samples;
                            double w = inv[6] * fx + inv[7] * fy + inv[8];
                            double u = (inv[0] * fx + inv[1] * fy + inv[2]) / w;
                            double v = (inv[3] * fx + inv[4] * fy + inv[5]) / w;
                            if (u < 0 || v < 0 || u >= 1 || v >= 1) {
                                continue;
                            }
                            // curved paper: rows sag towards the middle, and the sides turn from the light
                            double s = 2 * u - 1;
                            double vb = v + bend * (1 - s * s) - bend / 2;
                            if (vb < 0 || vb >= 1) {
                                continue;
                            }
                            int p = cp[(int) (vb * ch) * c.getWidth() + (int) (u * cw)];
                            double shade = 1 - bend * 2.5 * s * s;
                            p = scale(p, shade);
                            rr += (p >> 16) & 0xFF;
                            gg += (p >> 8) & 0xFF;
                            bb += p & 0xFF;
                            hits++;
                        }
                    }
                    if (hits == 0) {
                        continue;
                    }
                    int n = samples * samples;
                    int old = px[y * WIDTH + x];
                    int miss = n - hits;
                    rr += ((old >> 16) & 0xFF) * miss;
                    gg += ((old >> 8) & 0xFF) * miss;
                    bb += (old & 0xFF) * miss;
                    px[y * WIDTH + x] = ((rr / n) << 16) | ((gg / n) << 8) | (bb / n);
                }
            }
        }

        void motionBlur(double length, double angle) {
            int taps = Math.max(2, (int) Math.round(length));
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            int[] src = px.clone();
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int rr = 0;
                    int gg = 0;
                    int bb = 0;
                    for (int t = 0; t < taps; t++) {
                        double o = t - (taps - 1) / 2.0;
                        int sx = clamp((int) Math.round(x + o * dx), WIDTH - 1);
                        int sy = clamp((int) Math.round(y + o * dy), HEIGHT - 1);
                        int p = src[sy * WIDTH + sx];
                        rr += (p >> 16) & 0xFF;
                        gg += (p >> 8) & 0xFF;
                        bb += p & 0xFF;
                    }
                    px[y * WIDTH + x] = ((rr / taps) << 16) | ((gg / taps) << 8) | (bb / taps);
                }
            }
        }

        /** Out of focus: a disc kernel. */
        void defocus(double radius) {
            int rad = (int) Math.ceil(radius);
            List<int[]> offsets = new ArrayList<>();
            for (int dy = -rad; dy <= rad; dy++) {
                for (int dx = -rad; dx <= rad; dx++) {
                    if (dx * dx + dy * dy <= radius * radius) {
                        offsets.add(new int[] {dx, dy});
                    }
                }
            }
            int n = offsets.size();
            int[] src = px.clone();
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int rr = 0;
                    int gg = 0;
                    int bb = 0;
                    for (int[] o : offsets) {
                        int p = src[clamp(y + o[1], HEIGHT - 1) * WIDTH + clamp(x + o[0], WIDTH - 1)];
                        rr += (p >> 16) & 0xFF;
                        gg += (p >> 8) & 0xFF;
                        bb += p & 0xFF;
                    }
                    px[y * WIDTH + x] = ((rr / n) << 16) | ((gg / n) << 8) | (bb / n);
                }
            }
        }

        void noise(double sigma) {
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                int n = (int) Math.round(r.nextGaussian() * sigma);
                px[i] = (clamp(((p >> 16) & 0xFF) + n, 255) << 16) | (clamp(((p >> 8) & 0xFF) + n, 255) << 8)
                        | clamp((p & 0xFF) + n, 255);
            }
        }

        /** The frame as an MJPEG webcam delivers it: compressed at {@code quality}, decoded to 3-byte BGR. */
        BufferedImage jpeg(float quality) {
            try {
                ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                    w.setOutput(out);
                    ImageWriteParam p = w.getDefaultWriteParam();
                    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    p.setCompressionQuality(quality);
                    w.write(null, new IIOImage(frame, null, null), p);
                } finally {
                    w.dispose();
                }
                return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int clamp(int v, int max) {
            return Math.max(0, Math.min(max, v));
        }

        private static double sq(double v) {
            return v * v;
        }

        private static int scale(int p, double f) {
            return (clamp((int) (((p >> 16) & 0xFF) * f), 255) << 16) | (clamp((int) (((p >> 8) & 0xFF) * f), 255) << 8)
                    | clamp((int) ((p & 0xFF) * f), 255);
        }

        private static int add(int p, int a) {
            return (clamp(((p >> 16) & 0xFF) + a, 255) << 16) | (clamp(((p >> 8) & 0xFF) + a, 255) << 8)
                    | clamp((p & 0xFF) + a, 255);
        }
    }

    /** Writes the set (when given a directory) and prints the count per kind. */
    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.decode(args[0]) : TUNING_SEED;
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = args.length > 2 ? Path.of(args[2]) : null;
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
        Writer labels = null;
        if (dir != null) {
            Files.createDirectories(dir);
            labels = Files.newBufferedWriter(dir.resolve("labels.tsv"), StandardCharsets.UTF_8);
            labels.write("file\tkind\tpayloads (tab-separated)\n");
        }
        try {
            for (Kind k : Kind.values()) {
                for (int i = 0; i < perKind; i++) {
                    Labelled f = frame(seed, k, i);
                    int[] c = counts.computeIfAbsent(k, x -> new int[2]);
                    c[0]++;
                    c[1] += f.payloads().size();
                    if (dir != null) {
                        String file = f.id() + ".png";
                        ImageIO.write(f.image(), "png", dir.resolve(file).toFile());
                        labels.write(file + "\t" + k.label() + "\t"
                                + String.join("\t", f.payloads().stream().map(QrFrameSet::escape).toList()) + "\n");
                    }
                }
            }
        } finally {
            if (labels != null) {
                labels.close();
            }
        }
        System.out.printf(Locale.ROOT, "seed %#x, %d frames a kind%s%n", seed, perKind,
                dir == null ? "" : ", written to " + dir);
        System.out.printf(Locale.ROOT, "%-14s %7s %6s%n", "kind", "frames", "codes");
        int frames = 0;
        int codes = 0;
        for (Map.Entry<Kind, int[]> e : counts.entrySet()) {
            System.out.printf(Locale.ROOT, "%-14s %7d %6d%n", e.getKey().label(), e.getValue()[0], e.getValue()[1]);
            frames += e.getValue()[0];
            codes += e.getValue()[1];
        }
        System.out.printf(Locale.ROOT, "%-14s %7d %6d%n", "all", frames, codes);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** A face as a camera at the terminal sees one: skin of {@code skin}, eyes and a mouth, centred at (cx, cy). */
    public static void face(Graphics2D g, double cx, double cy, double s, Color skin) {
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - s, cy - s * 1.3, 2 * s, 2.6 * s));
        for (int e = -1; e <= 1; e += 2) {
            double ex = cx + e * s * 0.4;
            double ey = cy - s * 0.3;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(ex - s * 0.2, ey - s * 0.12, s * 0.4, s * 0.24));
            g.setColor(new Color(30, 20, 20));
            g.fill(new Ellipse2D.Double(ex - s * 0.08, ey - s * 0.08, s * 0.16, s * 0.16));
        }
        g.setColor(new Color(120, 40, 40));
        g.fill(new Ellipse2D.Double(cx - s * 0.35, cy + s * 0.5, s * 0.7, s * 0.18));
    }
}
