package org.govkiosk.api;

/** Where the mailed result of a case (证照特快专递) stands. */
public enum MailingState {
    /** 待寄出: the result is to be mailed once it is ready. */
    WAITING,
    /** 已寄出: handed to the carrier, with its tracking number. */
    MAILED,
    /** 已签收. */
    DELIVERED,
    /** 已退回: the carrier brought it back (not delivered); the hall keeps it for collection. */
    RETURNED
}
