package org.govkiosk.print.escpos;

/**
 * Thermal receipt paper: characters per line in the printer's standard 12x24 font (a Chinese character takes
 * two) and printable dots at 203 dpi (8 dots per mm).
 */
public enum ReceiptPaper {
    MM58(32, 384),
    MM80(48, 576);

    private final int columns;
    private final int dots;

    ReceiptPaper(int columns, int dots) {
        this.columns = columns;
        this.dots = dots;
    }

    public int columns() {
        return columns;
    }

    public int dots() {
        return dots;
    }

    public static final int DOTS_PER_MM = 8;
}
