package org.govkiosk.device.internal.codec.ratingpad;

import java.util.Optional;

/** The CMD byte of a rating pad frame; see device-drivers/docs/rating-pad-protocol.md. */
public enum PadCommand {
    /** Host → pad: show a request to rate (payload {@link ShowRequest}); answered by ACK or NAK. */
    SHOW_REQUEST(0x10, Direction.TO_PAD),
    /** Host → pad: back to the idle screen; answered by ACK or NAK. */
    CLEAR(0x11, Direction.TO_PAD),
    /** Host → pad: answered by a STATUS frame carrying the query's SEQ. */
    STATUS_QUERY(0x12, Direction.TO_PAD),
    /** Either way: the frame with this SEQ arrived and was done. Empty payload. */
    ACK(0x06, Direction.BOTH),
    /** Either way: the frame with this SEQ (0: a damaged one) was refused; payload one {@link NakReason} byte. */
    NAK(0x15, Direction.BOTH),
    /** Pad → host: a citizen pressed a level key (payload {@link KeyPress}); the host ACKs it. */
    KEY_PRESSED(0x20, Direction.TO_HOST),
    /** Pad → host: the pad's condition (payload {@link PadCondition}), on change and as the STATUS_QUERY answer. */
    STATUS(0x21, Direction.TO_HOST),
    /** Pad → host: alive and idle-or-showing; empty payload, not acknowledged. */
    HEARTBEAT(0x22, Direction.TO_HOST);

    /** Who sends a command. */
    public enum Direction { TO_PAD, TO_HOST, BOTH }

    private final int code;
    private final Direction direction;

    PadCommand(int code, Direction direction) {
        this.code = code;
        this.direction = direction;
    }

    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    public static Optional<PadCommand> of(int code) {
        for (PadCommand c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
