package org.govkiosk.platform.http;

import java.util.Locale;

/**
 * The two languages of the platform's pages (staff sign-in, desk, fleet, phone rating, reports): Chinese first;
 * English when asked for by the page's link or preferred by the browser.
 */
public enum PageLanguage {
    ZH("zh-CN"), EN("en");

    public final String tag;

    PageLanguage(String tag) {
        this.tag = tag;
    }

    /**
     * {@code lang=zh|en} (or zh-CN, en-US …) wins; else the first of Chinese or English in Accept-Language by its q;
     * else Chinese.
     */
    public static PageLanguage choose(String param, String acceptLanguage) {
        String asked = param == null || param.length() > 35 ? "" : param.strip().toLowerCase(Locale.ROOT);
        if (asked.startsWith("en")) {
            return EN;
        }
        if (asked.startsWith("zh")) {
            return ZH;
        }
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return ZH;
        }
        PageLanguage best = ZH;
        double bestQ = -1;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            PageLanguage lang = tag.equals("zh") || tag.startsWith("zh-") ? ZH
                    : tag.equals("en") || tag.startsWith("en-") ? EN : null;
            if (lang != null && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best;
    }

    public String param() {
        return this == EN ? "en" : "zh";
    }
}
