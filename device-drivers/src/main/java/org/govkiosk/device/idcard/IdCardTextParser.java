package org.govkiosk.device.idcard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the text block a SAM reader returns into an {@link IdCardData}, for every document the reader reads (see
 * {@link TextLayout}). A block whose data does not hold together is a {@link Rejected} with the reason: never a
 * card, and never an exception.
 */
public final class IdCardTextParser {

    /** The outcome of parsing one text block. */
    public sealed interface Result permits Parsed, Rejected {
    }

    public record Parsed(IdCardData card) implements Result {
    }

    public record Rejected(IdCardRejection rejection) implements Result {
    }

    private IdCardTextParser() {
    }

    /**
     * Parses and validates a text block.
     *
     * @param photo the encoded photo to attach to the card, may be {@code null}
     */
    public static Result parse(byte[] text, byte[] photo) {
        if (text == null || text.length != TextLayout.BLOCK_LENGTH) {
            return new Rejected(IdCardRejection.of(IdCardRejection.Reason.MALFORMED_TEXT,
                    "text block is " + (text == null ? 0 : text.length) + " bytes, not " + TextLayout.BLOCK_LENGTH));
        }
        Optional<TextLayout> layout = TextLayout.detect(text);
        if (layout.isEmpty()) {
            int marker = (text[TextLayout.TYPE_OFFSET] & 0xFF) | (text[TextLayout.TYPE_OFFSET + 1] & 0xFF) << 8;
            return new Rejected(IdCardRejection.of(IdCardRejection.Reason.UNKNOWN_CARD_TYPE,
                    String.format("card type marker U+%04X", marker)));
        }
        try {
            CardRules rules = new CardRules(layout.get(), text, photo);
            return new Parsed(switch (layout.get()) {
                case RESIDENT -> rules.resident();
                case HMT_RESIDENCE_PERMIT -> rules.hmtPermit();
                case FOREIGN_2017 -> rules.foreign2017();
                case FOREIGN_2023 -> rules.foreign2023();
            });
        } catch (CardRules.Reject r) {
            return new Rejected(r.rejection());
        } catch (RuntimeException e) {
            // A parser bug must not let a card through nor kill the driver: treat the block as unreadable.
            return new Rejected(IdCardRejection.of(IdCardRejection.Reason.MALFORMED_TEXT,
                    "could not be decoded (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** The address in a newest-address answer (up to 70 bytes of UCS-2LE, space padded); empty if blank. */
    public static Optional<String> parseAddress(byte[] ucs2) {
        if (ucs2 == null || ucs2.length == 0 || ucs2.length % 2 != 0) {
            return Optional.empty();
        }
        String s = new String(ucs2, StandardCharsets.UTF_16LE).replace('\u0000', ' ').strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
