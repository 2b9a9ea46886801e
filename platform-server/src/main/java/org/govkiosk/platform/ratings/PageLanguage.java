package org.govkiosk.platform.ratings;

import java.util.Locale;

/** The page's two languages: Chinese first; English when asked for by the link or preferred by the browser. */
enum PageLanguage {
    ZH("zh-CN"), EN("en");

    final String tag;

    PageLanguage(String tag) {
        this.tag = tag;
    }

    /** {@code lang=zh|en} wins; else the first of Chinese or English in Accept-Language by its q; else Chinese. */
    static PageLanguage choose(String param, String acceptLanguage) {
        if ("en".equals(param)) {
            return EN;
        }
        if ("zh".equals(param)) {
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

    String param() {
        return this == EN ? "en" : "zh";
    }
}
