package org.govkiosk.api;

/** Where a certificate was handed out (出证): at a self-service terminal, at the 综合出证窗口, or by express post. */
public enum IssuanceChannel {
    /** 自助终端: the citizen printed it at the terminal (自助出证). */
    SELF_SERVICE_TERMINAL,
    /** 综合出证窗口. */
    WINDOW,
    /** 邮寄: sent by express post. */
    EXPRESS_POST
}
