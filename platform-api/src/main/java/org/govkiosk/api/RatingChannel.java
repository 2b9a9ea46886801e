package org.govkiosk.api;

/** Where a rating was given. The provincial channel code (pf) is mapped per platform; these are the usual ones. */
public enum RatingChannel {
    /** 窗口评价器, pf=4. */
    WINDOW_PAD("4"),
    /** 自助终端, pf=5. */
    SELF_SERVICE_TERMINAL("5");

    private final String usualPfCode;

    RatingChannel(String usualPfCode) {
        this.usualPfCode = usualPfCode;
    }

    public String usualPfCode() {
        return usualPfCode;
    }
}
