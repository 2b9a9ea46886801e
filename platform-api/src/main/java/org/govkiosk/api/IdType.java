package org.govkiosk.api;

/** The identity document an applicant was identified with. */
public enum IdType {
    /** 居民身份证 (18 characters, GB 11643 check digit). */
    RESIDENT_ID,
    /** 外国人永久居留身份证. */
    FOREIGN_PERMANENT_RESIDENT,
    /** 港澳台居民居住证. */
    HMT_RESIDENCE_PERMIT,
    PASSPORT,
    /** 统一社会信用代码, for a company applying through an agent. */
    UNIFIED_SOCIAL_CREDIT_CODE
}
