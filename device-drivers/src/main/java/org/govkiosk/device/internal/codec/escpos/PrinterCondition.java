package org.govkiosk.device.internal.codec.escpos;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a status byte can report. {@link #configName()} names the condition in {@code status-map.*} options.
 * The comment on each gives its place in the ESC/POS-standard ("generic") map.
 */
public enum PrinterCondition {
    /** n=1 bit 2: drawer kick-out connector pin 3 high; whether that means "open" depends on the drawer. */
    DRAWER_PIN_HIGH,
    /** n=1 bit 3. */
    OFFLINE,
    /** n=1 bit 5. */
    WAITING_FOR_RECOVERY,
    /** n=1 bit 6. */
    FEED_BUTTON_PRESSED,
    /** n=2 bit 2. */
    COVER_OPEN,
    /** n=2 bit 3: paper is being fed by the feed button. */
    PAPER_FEEDING,
    /** n=2 bit 5: printing stopped because the paper ran out. */
    PAPER_END_STOP,
    /** n=2 bit 6: an error occurred (the cause is in n=3). */
    ERROR,
    /** n=3 bit 2: a recoverable (mechanical) error. */
    RECOVERABLE_ERROR,
    /** n=3 bit 3. */
    CUTTER_ERROR,
    /** n=3 bit 5. */
    UNRECOVERABLE_ERROR,
    /** n=3 bit 6: e.g. head overheated; clears by itself. */
    AUTO_RECOVERABLE_ERROR,
    /** n=4 bits 2+3. */
    PAPER_NEAR_END,
    /** n=4 bits 5+6. */
    PAPER_OUT;

    /** {@code PAPER_NEAR_END} → {@code paper-near-end}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PrinterCondition> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName().equals(name)).findFirst();
    }
}
