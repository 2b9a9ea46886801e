package org.govkiosk.print.pdf;

/**
 * A4 page margins and type sizes. The defaults follow the proportions of Chinese official documents
 * (GB/T 9704: generous top margin, 小四 body text) without copying its exact grid.
 */
public record PdfPageLayout(float topMm, float bottomMm, float leftMm, float rightMm,
                            float bodySize, float smallSize, float largeSize, float lineSpacing) {

    public static final PdfPageLayout A4_DEFAULT = new PdfPageLayout(30, 25, 25, 25, 12f, 10.5f, 20f, 1.6f);

    public PdfPageLayout {
        if (topMm < 0 || bottomMm < 0 || leftMm < 0 || rightMm < 0 || leftMm + rightMm >= 200) {
            throw new IllegalArgumentException("impossible margins");
        }
        if (bodySize <= 0 || smallSize <= 0 || largeSize <= 0 || lineSpacing < 1) {
            throw new IllegalArgumentException("impossible type sizes");
        }
    }

    static float mm(float mm) {
        return mm * 72f / 25.4f;
    }
}
