package org.govkiosk.device.driver.camera;

import com.google.zxing.common.BitMatrix;

/**
 * The cheap gate in front of the costly decoding passes: does a binarised frame hold anything like a QR finder
 * pattern, five runs in the proportions 1:1:3:1:1 across a row, confirmed by the same down the column through the
 * middle run? Either polarity counts (dark-mode screens show light finders on dark). Loose on purpose (blurred,
 * small and tilted finders must pass); text and hall scenes pass now and then, which only costs time.
 */
final class FinderEvidence {

    /** A pattern narrower than this many pixels is noise (modules of about 1 px are below what any pass reads). */
    private static final int MIN_WIDTH = 6;

    private FinderEvidence() {
    }

    /** What the scan found: finder-like places (each crossed by enough rows) and the smallest module. */
    record Found(int places, double smallestModule) {
        boolean any() {
            return places >= 2;
        }
    }

    static boolean any(BitMatrix m) {
        return scan(m).any();
    }

    /**
     * Scans every row for 1:1:3:1:1 runs confirmed down the column, then groups the hits by place: a finder is
     * crossed by several rows at the same x, text and edges mostly by one. A code shows three (two when glare or a
     * finger hides one), so at least two places pass the gate.
     */
    static Found scan(BitMatrix m) {
        int w = m.getWidth();
        int h = m.getHeight();
        int[] runs = new int[5];
        int[] starts = new int[5];
        int max = 4096;
        int[] clusterX = new int[max];
        int[] clusterLastY = new int[max];
        int[] clusterRows = new int[max];
        double[] clusterModule = new double[max];
        int clusters = 0;
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
                    if (column(m, cx, y, m.get(cx, y))) {
                        int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
                        int near = -1;
                        for (int c = clusters - 1; c >= 0; c--) {
                            if (y - clusterLastY[c] <= 3 && Math.abs(clusterX[c] - cx) <= Math.max(2, total / 5)) {
                                near = c;
                                break;
                            }
                        }
                        if (near >= 0) {
                            clusterLastY[near] = y;
                            clusterRows[near]++;
                        } else if (clusters < max) {
                            clusterX[clusters] = cx;
                            clusterLastY[clusters] = y;
                            clusterRows[clusters] = 1;
                            clusterModule[clusters] = total / 7.0;
                            clusters++;
                        }
                    }
                }
            }
        }
        int places = 0;
        double smallest = Double.MAX_VALUE;
        for (int c = 0; c < clusters; c++) {
            // a finder's middle three modules cross about 3 × module rows; a stroke of text mostly one or two
            if (clusterRows[c] >= Math.max(2, (int) (clusterModule[c] * 1.2))) {
                places++;
                smallest = Math.min(smallest, clusterModule[c]);
            }
        }
        return new Found(places, smallest);
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

    /** The same proportions down the column through (x, y), starting in the middle run of {@code colour}. */
    private static boolean column(BitMatrix m, int x, int y, boolean colour) {
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
        return r[0] > 0 && r[4] > 0 && proportions(r);
    }
}
