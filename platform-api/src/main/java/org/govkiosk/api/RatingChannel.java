package org.govkiosk.api;

/** Where a rating was given. The provincial channel code (pf) is mapped per platform; these are the usual ones. */
public enum RatingChannel {
    /** 窗口评价器, pf=4. */
    WINDOW_PAD("4"),
    /** 自助终端, pf=5. */
    SELF_SERVICE_TERMINAL("5"),
    /** 评价二维码: the platform's phone rating page opened from a QR code (a receipt's, a window's), pf=3. */
    PHONE_QR("3"),
    /** 短信评价: the platform's phone rating page opened from the rating invitation SMS, pf=7. */
    PHONE_SMS("7");

    private final String usualPfCode;

    RatingChannel(String usualPfCode) {
        this.usualPfCode = usualPfCode;
    }

    public String usualPfCode() {
        return usualPfCode;
    }
}
