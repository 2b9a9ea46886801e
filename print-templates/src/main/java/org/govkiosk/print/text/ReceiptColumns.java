package org.govkiosk.print.text;

/**
 * Character columns on a receipt printer in Chinese mode: an ASCII byte prints half width, every character
 * that GB18030 encodes in two or four bytes prints full width (two columns).
 */
public final class ReceiptColumns {

    private ReceiptColumns() {
    }

    public static int of(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    public static int of(String text) {
        return text.codePoints().map(ReceiptColumns::of).sum();
    }
}
