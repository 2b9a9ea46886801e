package org.govkiosk.device.internal.codec.idcard;

import java.util.Optional;

/**
 * The commands of the SAM serial protocol of second-generation ID card readers (GA 467 and the vendor SDKs that
 * follow it): CMD and PARA bytes.
 */
public enum SamCommand {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_PHOTO(0x30, 0x01),
    READ_NEWEST_ADDRESS(0x30, 0x03),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10);

    private final int code;
    private final int parameter;

    SamCommand(int code, int parameter) {
        this.code = code;
        this.parameter = parameter;
    }

    public int code() {
        return code;
    }

    public int parameter() {
        return parameter;
    }

    public static Optional<SamCommand> of(int code, int parameter) {
        for (SamCommand c : values()) {
            if (c.code == code && c.parameter == parameter) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code response} can be the answer to this command. Answers carry no command echo, so a late answer
     * to an earlier command that timed out could otherwise be taken for this one's: a success answer must have
     * this command's success code and payload shape. Error answers fit any command.
     */
    public boolean accepts(SamResponse response) {
        int sw3 = response.sw3();
        if (sw3 != SamResult.SUCCESS.code() && sw3 != SamResult.FIND_SUCCESS.code()) {
            return true;
        }
        int n = response.payloadLength();
        return switch (this) {
            case FIND_CARD -> sw3 == SamResult.FIND_SUCCESS.code();
            case RESET_SAM, SAM_STATUS -> sw3 == SamResult.SUCCESS.code() && n < CardReadPayload.HEADER_LENGTH;
            case READ_SAM_ID -> sw3 == SamResult.SUCCESS.code() && n >= SamId.LENGTH && n <= 4 * SamId.LENGTH;
            case SELECT_CARD -> sw3 == SamResult.SUCCESS.code() && n <= 16;
            case READ_NEWEST_ADDRESS -> sw3 == SamResult.SUCCESS.code() && n > 0 && n <= 256;
            case READ_TEXT_PHOTO -> sw3 == SamResult.SUCCESS.code() && n >= CardReadPayload.HEADER_LENGTH;
            case READ_TEXT_PHOTO_FINGERPRINT -> sw3 == SamResult.SUCCESS.code()
                    && n >= CardReadPayload.HEADER_LENGTH_WITH_FINGERPRINT;
        };
    }
}
