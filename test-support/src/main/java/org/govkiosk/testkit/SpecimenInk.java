package org.govkiosk.testkit;

import java.awt.image.BufferedImage;

/** How much of a training specimen's mark a rendered page shows: faint grey along its rising diagonal. */
public final class SpecimenInk {

    private SpecimenInk() {
    }

    /**
     * Light grey pixels (the mark drawn at a quarter opacity over white) in a band around the diagonal from the
     * lower left to the upper right, over the page's middle three fifths. A page without the mark has few.
     */
    public static int alongTheDiagonal(BufferedImage page) {
        int count = 0;
        int w = page.getWidth();
        int h = page.getHeight();
        for (int x = w / 5; x < w * 4 / 5; x++) {
            int yDiagonal = h - 1 - (int) ((long) x * h / w);
            for (int y = Math.max(0, yDiagonal - h / 20); y < Math.min(h, yDiagonal + h / 20); y++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - g) < 8 && Math.abs(g - b) < 8 && r > 150 && r < 235) {
                    count++;
                }
            }
        }
        return count;
    }
}
