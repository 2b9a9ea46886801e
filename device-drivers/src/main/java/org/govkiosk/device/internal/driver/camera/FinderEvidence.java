package org.govkiosk.device.internal.driver.camera;

import com.google.zxing.common.BitMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cheap gate in front of the costly decoding passes: does a binarised frame hold a QR code's geometry?
 *
 * <p>First the finder-pattern candidates: five runs in the proportions 1:1:3:1:1 across a row, confirmed by the same
 * down the column through the middle run (about as tall as the row's is wide), of either polarity (dark-mode screens
 * show light finders on dark), with at least 12 grey levels between the rings (sensor noise in a flat area binarises
 * to such runs too), crossed by three rows or more (1.2 × module) and grouped by place; and with a code's quiet zone:
 * two modules on the gap's side of the ring/gap threshold, on one side across and one side down, for most rows (a
 * corner finder's outer sides; judged on the grey frame, so a flat area the binariser blanked counts as it looks).
 * Loose on purpose: blurred, small, faint and tilted finders must be found. A printed 回 has a finder's runs but its
 * outer stroke, not a quiet zone, around them (as a light finder on dark: hollow, stroke, hollow).
 *
 * <p>Then the geometry: a code has three finders of one polarity and about one module size (within 2×) at three
 * corners of a square, seen as a near right-angled L (90° ± 35° and arms within 1.75× for perspective) whose arms
 * are 11 to 190 modules long (versions 1 to 40: 14 to 170), and the square they span is inked in every row and every
 * column of modules but one (glare, a finger); lines of text leave bare rows between them. Costs a few milliseconds
 * on a 1280×720 frame, most of it the row scan.
 */
final class FinderEvidence {

    /** A pattern narrower than this many pixels is noise (modules of about 1 px are below what any pass reads). */
    private static final int MIN_WIDTH = 6;
    /** More candidates than this (strongest first) are not paired up: a page of glyphs, the triples are many. */
    private static final int MAX_CANDIDATES = 160;
    /** At most this many L-shaped triples are sampled for the fill of their square. */
    private static final int MAX_CHECKS = 64;
    /** Modules of quiet zone wanted beyond a finder on one side across and one side down. */
    private static final double QUIET = 2;
    /** Grey levels at least between a finder's rings (its gap and its outer ring, its gap and its middle). */
    private static final double MIN_CONTRAST = 12;

    private FinderEvidence() {
    }

    /** A finder-like place: its centre, module size (px), polarity (true: dark finder on light) and rows crossing. */
    record Candidate(double x, double y, double module, boolean dark, int rows) {
    }

    /** A near right-angled L of three candidates: the corner {@code a}, and {@code b}, {@code c} at its arms' ends. */
    record Triple(Candidate a, Candidate b, Candidate c) {
    }

    /** What the scan found: the finder-like places and the L-shaped triples among them (at most a few). */
    record Found(List<Candidate> candidates, List<Triple> triples) {

        static final Found NONE = new Found(List.of(), List.of());

        int places() {
            return candidates.size();
        }

        /** Whether the frame shows a code's geometry: the gate of the costly passes. */
        boolean codeGeometry() {
            return !triples.isEmpty();
        }

        /** The smallest module (px) among the finders of the triples, or of all places when there is no triple. */
        double smallestModule() {
            double s = Double.MAX_VALUE;
            for (Triple t : triples) {
                s = Math.min(s, Math.min(t.a.module, Math.min(t.b.module, t.c.module)));
            }
            if (s == Double.MAX_VALUE) {
                for (Candidate c : candidates) {
                    s = Math.min(s, c.module);
                }
            }
            return s;
        }
    }

    /**
     * Scans every row for 1:1:3:1:1 runs confirmed down the column, groups the hits by place (a finder is crossed by
     * several rows at the same x, text and edges mostly by one), then looks for the L of a code among the places.
     */
    static Found scan(BitMatrix m, byte[] grey) {
        List<Candidate> candidates = candidates(m, grey);
        return new Found(candidates, geometry(candidates, m));
    }

    static List<Candidate> candidates(BitMatrix m, byte[] grey) {
        int w = m.getWidth();
        int h = m.getHeight();
        int[] runs = new int[5];
        int[] starts = new int[5];
        int[] top = new int[1];
        int max = 4096;
        int[] clusterX = new int[max];
        int[] clusterFirstY = new int[max];
        int[] clusterLastY = new int[max];
        int[] clusterRows = new int[max];
        int[] clusterQuietAcross = new int[max];
        int[] clusterQuietDown = new int[max];
        long[] clusterSumX = new long[max];
        double[] clusterModule = new double[max];
        boolean[] clusterDark = new boolean[max];
        int clusters = 0;
        // the latest cluster begun at each x, dark and light apart (index + 1, 0 for none)
        int[] ownerDark = new int[w];
        int[] ownerLight = new int[w];
        for (int y = 0; y < h; y++) {
            int filled = 0;
            int x = 0;
            while (x < w) {
                boolean colour = m.get(x, y);
                int start = x;
                while (x < w && m.get(x, y) == colour) {
                    x++;
                }
                // shift the window of the last five runs
                System.arraycopy(runs, 1, runs, 0, 4);
                System.arraycopy(starts, 1, starts, 0, 4);
                runs[4] = x - start;
                starts[4] = start;
                filled = Math.min(5, filled + 1);
                if (filled == 5 && proportions(runs)) {
                    int cx = starts[2] + runs[2] / 2;
                    boolean dark = m.get(cx, y);
                    int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
                    // grey levels of the outer ring, the gap and the middle: sensor noise in a flat area binarises
                    // to such runs too, but a few grey levels apart
                    double outer = (mean(grey, w, y, starts[0], runs[0]) + mean(grey, w, y, starts[4], runs[4])) / 2;
                    double gap = (mean(grey, w, y, starts[1], runs[1]) + mean(grey, w, y, starts[3], runs[3])) / 2;
                    double middle = mean(grey, w, y, starts[2], runs[2]);
                    double contrast = Math.min(Math.abs(outer - gap), Math.abs(middle - gap));
                    if (contrast < MIN_CONTRAST) {
                        continue;
                    }
                    // the quiet zone is on the gap's side of the threshold between ring and gap, whatever the
                    // binariser made of the flat area around the code
                    double threshold = (outer + gap) / 2;
                    boolean lightQuiet = gap > outer;
                    int down = column(m, cx, y, dark, top);
                    int columnStart = top[0];
                    // the column's pattern about as wide as the row's: a finder is square whatever its angle
                    if (down > 0 && down * 2 >= total && down <= total * 2) {
                        int reach = (int) Math.ceil(total * QUIET / 7.0);
                        int across = quiet(grey, w, h, starts[0] - 1, y, -1, 0, threshold, lightQuiet, reach)
                                || quiet(grey, w, h, starts[4] + runs[4], y, 1, 0, threshold, lightQuiet, reach)
                                ? 1 : 0;
                        int downQuiet = quiet(grey, w, h, cx, columnStart - 1, 0, -1, threshold, lightQuiet, reach)
                                || quiet(grey, w, h, cx, columnStart + down, 0, 1, threshold, lightQuiet, reach)
                                ? 1 : 0;
                        int near = -1;
                        int[] owner = dark ? ownerDark : ownerLight;
                        int reachX = Math.max(2, total / 5);
                        for (int xx = Math.max(0, cx - reachX); xx <= Math.min(w - 1, cx + reachX); xx++) {
                            int c = owner[xx] - 1;
                            if (c >= 0 && y - clusterLastY[c] <= 3) {
                                near = c;
                                break;
                            }
                        }
                        if (near >= 0) {
                            clusterLastY[near] = y;
                            clusterRows[near]++;
                            clusterSumX[near] += cx;
                            clusterModule[near] += (total + down) / 14.0;
                            clusterQuietAcross[near] += across;
                            clusterQuietDown[near] += downQuiet;
                        } else if (clusters < max) {
                            clusterX[clusters] = cx;
                            clusterFirstY[clusters] = y;
                            clusterLastY[clusters] = y;
                            clusterRows[clusters] = 1;
                            clusterSumX[clusters] = cx;
                            clusterModule[clusters] = (total + down) / 14.0;
                            clusterDark[clusters] = dark;
                            clusterQuietAcross[clusters] = across;
                            clusterQuietDown[clusters] = downQuiet;
                            owner[cx] = clusters + 1;
                            clusters++;
                        }
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            double module = clusterModule[c] / clusterRows[c];
            // a finder's middle three modules cross about 3 × module rows; a stroke of text mostly one or two
            // and a finder has the code's quiet zone on its outer sides: one side across, one down (a corner finder's)
            boolean quiet = clusterQuietAcross[c] * 2 >= clusterRows[c] && clusterQuietDown[c] * 2 >= clusterRows[c];
            if (clusterRows[c] >= Math.max(3, (int) (module * 1.2)) && quiet) {
                out.add(new Candidate((double) clusterSumX[c] / clusterRows[c],
                        (clusterFirstY[c] + clusterLastY[c]) / 2.0, module, clusterDark[c], clusterRows[c]));
            }
        }
        return out;
    }

    /**
     * The L-shaped triples among the candidates (at most four are returned). Three candidates of one polarity make
     * one when their modules differ by less than 2×, the angle at the corner is 90° ± 35° (perspective), the arms
     * differ by less than 1.75× and are 11 to 190 modules long (a code's finders are 14 to 170 modules apart).
     */
    static List<Triple> geometry(List<Candidate> all, BitMatrix m) {
        List<Candidate> c = new ArrayList<>(all);
        if (c.size() > MAX_CANDIDATES) {
            c.sort(Comparator.comparingInt(Candidate::rows).reversed());
            c = c.subList(0, MAX_CANDIDATES);
        }
        int n = c.size();
        List<Triple> out = new ArrayList<>();
        int[] arms = new int[n];
        int checks = 0;
        for (int i = 0; i < n; i++) {
            Candidate a = c.get(i);
            // the candidates that could be at the end of an arm from a, then pairs of them
            int count = 0;
            for (int j = 0; j < n; j++) {
                Candidate b = c.get(j);
                if (j != i && b.dark == a.dark && alike(a, b) && arm(a, b)) {
                    arms[count++] = j;
                }
            }
            for (int p = 0; p < count; p++) {
                Candidate b = c.get(arms[p]);
                for (int q = p + 1; q < count; q++) {
                    Candidate d = c.get(arms[q]);
                    if (alike(b, d) && corner(a, b, d) && checks++ < MAX_CHECKS && filled(m, a, b, d)) {
                        out.add(new Triple(a, b, d));
                        if (out.size() >= 4) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean alike(Candidate a, Candidate b) {
        double r = a.module / b.module;
        return r < 2 && r > 0.5;
    }

    /** From a corner finder to another: 11 to 190 modules (of the two finders' mean module). */
    private static boolean arm(Candidate a, Candidate b) {
        double modules = Math.hypot(b.x - a.x, b.y - a.y) / ((a.module + b.module) / 2);
        return modules >= 11 && modules <= 190;
    }

    private static boolean corner(Candidate a, Candidate b, Candidate c) {
        double bx = b.x - a.x;
        double by = b.y - a.y;
        double cx = c.x - a.x;
        double cy = c.y - a.y;
        double lb = Math.hypot(bx, by);
        double lc = Math.hypot(cx, cy);
        double ratio = Math.max(lb, lc) / Math.min(lb, lc);
        double cos = (bx * cx + by * cy) / (lb * lc);
        return ratio < 1.75 && Math.abs(cos) < Math.sin(Math.toRadians(35));
    }

    /**
     * Whether {@code length} pixels from (x, y) on in the direction (dx, dy) are all of {@code colour}, or the frame's
     * edge comes first: the light margin around a code (the quiet zone, four modules, at least two of them left on a
     * crowded page or a cropped frame), dark on a dark-mode screen.
     */
    private static boolean quiet(byte[] grey, int w, int h, int x, int y, int dx, int dy, double threshold,
            boolean light, int length) {
        int quiet = 0;
        int seen = 0;
        for (int i = 0; i < length; i++, x += dx, y += dy) {
            if (x < 0 || y < 0 || x >= w || y >= h) {
                return quiet >= seen * 3 / 4;
            }
            seen++;
            int g = grey[y * w + x] & 0xFF;
            if (light ? g > threshold : g < threshold) {
                quiet++;
            }
        }
        // a speck of noise or dust in the margin is allowed
        return quiet >= length * 3 / 4;
    }

    private static double mean(byte[] grey, int w, int y, int x, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += grey[y * w + x + i] & 0xFF;
        }
        return (double) sum / Math.max(1, length);
    }

    /**
     * Whether the square the L spans is filled like a code: every row of modules across it, and every column down
     * it, holds modules of the finders' colour, save one of each (glare, a finger). Lines of text leave rows of bare
     * paper between them, a code has none. The modules are sampled on the grid the three finders span (an affine
     * one: the perspective of a tilted code shifts it by a fraction of a module near the fourth corner).
     */
    static boolean filled(BitMatrix m, Candidate a, Candidate b, Candidate c) {
        double module = (a.module + b.module + c.module) / 3;
        int nb = (int) Math.round(Math.hypot(b.x - a.x, b.y - a.y) / module);
        int nc = (int) Math.round(Math.hypot(c.x - a.x, c.y - a.y) / module);
        double ux = (b.x - a.x) / nb;
        double uy = (b.y - a.y) / nb;
        double vx = (c.x - a.x) / nc;
        double vy = (c.y - a.y) / nc;
        int emptyRows = 0;
        for (int j = -2; j <= nc + 2; j++) {
            if (!inked(m, a, ux, uy, vx, vy, j, nb)) {
                emptyRows++;
            }
        }
        int emptyColumns = 0;
        for (int i = -2; i <= nb + 2; i++) {
            if (!inked(m, a, vx, vy, ux, uy, i, nc)) {
                emptyColumns++;
            }
        }
        return emptyRows <= 1 && emptyColumns <= 1;
    }

    /** Whether line {@code j} of the grid (steps (sx, sy) along it, (tx, ty) from line to line) has an inked module. */
    private static boolean inked(BitMatrix m, Candidate a, double sx, double sy, double tx, double ty, int j, int n) {
        for (int i = -2; i <= n + 2; i++) {
            int x = (int) Math.round(a.x + i * sx + j * tx);
            int y = (int) Math.round(a.y + i * sy + j * ty);
            if (x >= 0 && y >= 0 && x < m.getWidth() && y < m.getHeight() && m.get(x, y) == a.dark) {
                return true;
            }
        }
        return false;
    }

    /** 1:1:3:1:1 within a loose tolerance. */
    private static boolean proportions(int[] r) {
        int total = r[0] + r[1] + r[2] + r[3] + r[4];
        if (total < MIN_WIDTH) {
            return false;
        }
        double module = total / 7.0;
        double slack = Math.max(1.0, module * 0.8);
        return Math.abs(r[0] - module) <= slack && Math.abs(r[1] - module) <= slack
                && Math.abs(r[3] - module) <= slack && Math.abs(r[4] - module) <= slack
                && Math.abs(r[2] - 3 * module) <= 2 * slack;
    }

    /**
     * The same proportions down the column through (x, y), starting in the middle run of {@code colour}: the
     * pattern's height in pixels, or 0 when the column does not show it.
     */
    private static int column(BitMatrix m, int x, int y, boolean colour, int[] top) {
        int h = m.getHeight();
        int[] r = new int[5];
        int up = y;
        while (up >= 0 && m.get(x, up) == colour) {
            up--;
        }
        int down = y;
        while (down < h && m.get(x, down) == colour) {
            down++;
        }
        r[2] = down - up - 1;
        int a = up;
        while (a >= 0 && m.get(x, a) != colour) {
            a--;
        }
        r[1] = up - a;
        int b = a;
        while (b >= 0 && m.get(x, b) == colour) {
            b--;
        }
        r[0] = a - b;
        int c = down;
        while (c < h && m.get(x, c) != colour) {
            c++;
        }
        r[3] = c - down;
        int d = c;
        while (d < h && m.get(x, d) == colour) {
            d++;
        }
        r[4] = d - c;
        top[0] = b + 1;
        return r[0] > 0 && r[4] > 0 && proportions(r) ? r[0] + r[1] + r[2] + r[3] + r[4] : 0;
    }
}
