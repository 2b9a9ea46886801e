package org.govkiosk.print.pdf;

/**
 * No usable CJK font: raised at start (or on first render), with what was tried and what to install, so a
 * technician can fix the machine instead of reading a PDFBox stack trace.
 */
public class FontNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String HOW_TO_FIX = howToFix("print.font-path");

    public FontNotFoundException(String what) {
        super(what + "; " + HOW_TO_FIX);
    }

    /** {@code what}, and how to fix it naming {@code setting}, the configuration key that names a font file. */
    public static FontNotFoundException about(String setting, String what) {
        return new FontNotFoundException(what + "; " + howToFix(setting), (Void) null);
    }

    private FontNotFoundException(String message, Void noCause) {
        super(message);
    }

    private static String howToFix(String setting) {
        return "install fonts-wqy-zenhei (Debian/Ubuntu: apt-get install fonts-wqy-zenhei; Fedora: wqy-zenhei-fonts)"
                + " or set " + setting + " to a TrueType (.ttf/.ttc) CJK font; OpenType/CFF fonts such as Noto Sans"
                + " CJK .otf/.otc cannot be embedded by PDFBox";
    }

    public FontNotFoundException(String what, Throwable cause) {
        super(what + "; " + HOW_TO_FIX, cause);
    }

    /** A font other than the CJK one is missing: {@code message} says what and how to fix it. */
    FontNotFoundException(Throwable cause, String message) {
        super(message, cause);
    }
}
