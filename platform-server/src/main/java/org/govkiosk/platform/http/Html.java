package org.govkiosk.platform.http;

/** Text put into the platform's server-rendered pages (verification, phone rating, fleet). */
public final class Html {

    private Html() {
    }

    /** {@code s} escaped for an element's body or a double- or single-quoted attribute; null as empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
