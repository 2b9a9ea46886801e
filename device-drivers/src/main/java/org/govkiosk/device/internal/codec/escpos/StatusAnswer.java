package org.govkiosk.device.internal.codec.escpos;

import java.util.Set;

/** One status byte decoded against a {@link StatusBitMap}: the conditions it reports, or why it is no status byte. */
public sealed interface StatusAnswer {

    StatusRequest request();

    int value();

    record Valid(StatusRequest request, int value, Set<PrinterCondition> conditions) implements StatusAnswer {
        public Valid {
            conditions = Set.copyOf(conditions);
        }
    }

    /** The byte breaks the fixed bits of a status answer: a stray byte, noise, or an answer to something else. */
    record Invalid(StatusRequest request, int value, String reason) implements StatusAnswer {
    }
}
