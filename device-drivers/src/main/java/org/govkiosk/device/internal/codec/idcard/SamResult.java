package org.govkiosk.device.internal.codec.idcard;

import java.util.Optional;
import org.govkiosk.device.DeviceStatusDetail;

/**
 * The SW3 result codes of SAM answers. Each has a {@link Category} that says who has the problem (nobody, the
 * card on the reader, the SAM, the serial link, the protocol) and, where it is a fault, the status detail that
 * technicians see.
 */
public enum SamResult {
    SUCCESS(0x90, Category.SUCCESS),
    FIND_SUCCESS(0x9F, Category.SUCCESS),
    /** No content: e.g. no newer address, no fingerprint. */
    NO_CONTENT(0x91, Category.NO_CONTENT),
    /** Find card failed: no card on the reader (the normal idle answer). */
    NO_CARD(0x80, Category.NO_CARD),
    SELECT_FAILED(0x81, Category.CARD),
    READ_FAILED(0x41, Category.CARD),
    /** The SAM received a command with a bad checksum. */
    CHECKSUM_ERROR(0x10, Category.LINK),
    /** The SAM received a command with a bad length. */
    LENGTH_ERROR(0x11, Category.LINK),
    COMMAND_ERROR(0x21, Category.PROTOCOL),
    UNAUTHORISED(0x23, Category.SAM),
    UNRECOGNISED(0x24, Category.PROTOCOL),
    CARD_AUTHENTICATION_OF_SAM_FAILED(0x31, Category.CARD),
    SAM_AUTHENTICATION_OF_CARD_FAILED(0x32, Category.CARD),
    INFO_VERIFICATION_FAILED(0x33, Category.CARD),
    UNKNOWN_CARD(0x40, Category.CARD),
    /** The SAM is still reading the card: ask again. */
    READING_CARD(0x47, Category.BUSY),
    SAM_SELF_TEST_FAILED(0x60, Category.SAM),
    SAM_NOT_AUTHORISED(0x66, Category.SAM);

    /** Who a result is about. */
    public enum Category {
        SUCCESS,
        NO_CARD,
        NO_CONTENT,
        BUSY,
        /** This card could not be read or authenticated; the reader works. */
        CARD,
        /** The security module cannot work: no card can be read. */
        SAM,
        /** The SAM received a damaged command. */
        LINK,
        /** The SAM did not understand the command. */
        PROTOCOL
    }

    private final int code;
    private final Category category;

    SamResult(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public boolean isSuccess() {
        return category == Category.SUCCESS;
    }

    /** Whether the reader itself (not the card on it) has a problem. */
    public boolean isDeviceFault() {
        return category == Category.SAM || category == Category.LINK || category == Category.PROTOCOL;
    }

    /** The status detail of a fault; empty for success, no card, no content and busy. */
    public Optional<DeviceStatusDetail> statusDetail() {
        return Optional.ofNullable(switch (category) {
            case SUCCESS, NO_CARD, NO_CONTENT, BUSY -> null;
            case CARD -> DeviceStatusDetail.CARD_READ_ERROR;
            case SAM -> DeviceStatusDetail.SAM_ERROR;
            case LINK -> DeviceStatusDetail.COMMUNICATION_ERROR;
            case PROTOCOL -> DeviceStatusDetail.PROTOCOL_ERROR;
        });
    }

    public static Optional<SamResult> of(int code) {
        for (SamResult r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name() + String.format("(0x%02X)", code);
    }
}
