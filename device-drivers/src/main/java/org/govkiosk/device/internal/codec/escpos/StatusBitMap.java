package org.govkiosk.device.internal.codec.escpos;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each {@link PrinterCondition} sits in the status answers of one printer model: the request that reports
 * it and the bit mask that is non-zero while it holds. Models differ (a near-end sensor on another bit, no cutter
 * sensor at all), so a model's map is the {@link #generic()} one changed by {@code status-map.*} options:
 * {@code status-map.paper-near-end=4:0x0C}, or {@code status-map.cutter-error=none} for a condition the model
 * does not report.
 */
public record StatusBitMap(Map<PrinterCondition, Bit> bits) {

    /** Bits 0, 1, 4 and 7 are fixed in every {@code DLE EOT} answer: 0, 1, 1, 0. */
    public static final int FIXED_MASK = 0x93;
    public static final int FIXED_VALUE = 0x12;
    public static final String OPTION_PREFIX = "status-map.";

    /** One condition's place: set while {@code (answer & mask) != 0} in the answer to {@code request}. */
    public record Bit(StatusRequest request, int mask) {
        public Bit {
            Objects.requireNonNull(request, "request");
            if (mask <= 0 || mask > 0xFF) {
                throw new IllegalArgumentException("mask must be 0x01..0xFF, was 0x" + Integer.toHexString(mask));
            }
            if ((mask & FIXED_MASK) != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mask 0x%02X uses fixed bits (0, 1, 4, 7); only bits 2, 3, 5, 6 carry conditions", mask));
            }
        }
    }

    /** A map read from options, with every problem found, each naming its key. */
    public record Parsed(StatusBitMap map, List<String> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public StatusBitMap {
        EnumMap<PrinterCondition, Bit> copy = new EnumMap<>(PrinterCondition.class);
        copy.putAll(bits);
        bits = java.util.Collections.unmodifiableMap(copy);
    }

    /** The ESC/POS standard assignment (Epson TM series and most compatible Chinese printers). */
    public static StatusBitMap generic() {
        Map<PrinterCondition, Bit> m = new EnumMap<>(PrinterCondition.class);
        m.put(PrinterCondition.DRAWER_PIN_HIGH, new Bit(StatusRequest.PRINTER, 0x04));
        m.put(PrinterCondition.OFFLINE, new Bit(StatusRequest.PRINTER, 0x08));
        m.put(PrinterCondition.WAITING_FOR_RECOVERY, new Bit(StatusRequest.PRINTER, 0x20));
        m.put(PrinterCondition.FEED_BUTTON_PRESSED, new Bit(StatusRequest.PRINTER, 0x40));
        m.put(PrinterCondition.COVER_OPEN, new Bit(StatusRequest.OFFLINE_CAUSE, 0x04));
        m.put(PrinterCondition.PAPER_FEEDING, new Bit(StatusRequest.OFFLINE_CAUSE, 0x08));
        m.put(PrinterCondition.PAPER_END_STOP, new Bit(StatusRequest.OFFLINE_CAUSE, 0x20));
        m.put(PrinterCondition.ERROR, new Bit(StatusRequest.OFFLINE_CAUSE, 0x40));
        m.put(PrinterCondition.RECOVERABLE_ERROR, new Bit(StatusRequest.ERROR_CAUSE, 0x04));
        m.put(PrinterCondition.CUTTER_ERROR, new Bit(StatusRequest.ERROR_CAUSE, 0x08));
        m.put(PrinterCondition.UNRECOVERABLE_ERROR, new Bit(StatusRequest.ERROR_CAUSE, 0x20));
        m.put(PrinterCondition.AUTO_RECOVERABLE_ERROR, new Bit(StatusRequest.ERROR_CAUSE, 0x40));
        m.put(PrinterCondition.PAPER_NEAR_END, new Bit(StatusRequest.PAPER_SENSOR, 0x0C));
        m.put(PrinterCondition.PAPER_OUT, new Bit(StatusRequest.PAPER_SENSOR, 0x60));
        return new StatusBitMap(m);
    }

    public Optional<Bit> bit(PrinterCondition condition) {
        return Optional.ofNullable(bits.get(condition));
    }

    public StatusBitMap with(PrinterCondition condition, Bit bit) {
        Map<PrinterCondition, Bit> m = new EnumMap<>(PrinterCondition.class);
        m.putAll(bits);
        m.put(condition, bit);
        return new StatusBitMap(m);
    }

    public StatusBitMap without(PrinterCondition condition) {
        Map<PrinterCondition, Bit> m = new EnumMap<>(PrinterCondition.class);
        m.putAll(bits);
        m.remove(condition);
        return new StatusBitMap(m);
    }

    /** Decodes the answer to {@code request}; a byte whose fixed bits are wrong is {@link StatusAnswer.Invalid}. */
    public StatusAnswer decode(StatusRequest request, int value) {
        int b = value & 0xFF;
        if ((b & FIXED_MASK) != FIXED_VALUE) {
            return new StatusAnswer.Invalid(request, b, String.format(Locale.ROOT,
                    "0x%02X is no status byte: bits 1 and 4 must be set, bits 0 and 7 clear", b));
        }
        Set<PrinterCondition> found = EnumSet.noneOf(PrinterCondition.class);
        bits.forEach((condition, bit) -> {
            if (bit.request() == request && (b & bit.mask()) != 0) {
                found.add(condition);
            }
        });
        return new StatusAnswer.Valid(request, b, found);
    }

    /** The answer a printer with this map gives to {@code request} while {@code conditions} hold (for simulators). */
    public int encode(StatusRequest request, Set<PrinterCondition> conditions) {
        int b = FIXED_VALUE;
        for (PrinterCondition c : conditions) {
            Bit bit = bits.get(c);
            if (bit != null && bit.request() == request) {
                b |= bit.mask();
            }
        }
        return b;
    }

    /**
     * The generic map changed by the {@code status-map.*} entries of {@code options} (other keys are ignored).
     * Values are {@code N:MASK} (N = 1..4; MASK as 0x0C, 0b1100 or 12) or {@code none}.
     */
    public static Parsed fromOptions(Map<String, String> options) {
        Map<PrinterCondition, Bit> m = new EnumMap<>(PrinterCondition.class);
        m.putAll(generic().bits());
        List<String> errors = new ArrayList<>();
        // Sorted, so the errors come out in the same order every time.
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(OPTION_PREFIX)) {
                continue;
            }
            String conditionName = key.substring(OPTION_PREFIX.length());
            Optional<PrinterCondition> condition = PrinterCondition.fromConfigName(conditionName);
            if (condition.isEmpty()) {
                errors.add(key + ": unknown condition '" + conditionName + "'; known: " + knownNames());
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (value.equalsIgnoreCase("none")) {
                m.remove(condition.get());
                continue;
            }
            try {
                m.put(condition.get(), parseBit(value));
            } catch (IllegalArgumentException ex) {
                errors.add(key + ": " + ex.getMessage());
            }
        }
        return new Parsed(new StatusBitMap(m), errors);
    }

    private static Bit parseBit(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected N:MASK such as 4:0x0C, or none; got '" + value + "'");
        }
        int n = parseNumber(value.substring(0, colon).trim(), "request number");
        StatusRequest request = StatusRequest.of(n).orElseThrow(() ->
                new IllegalArgumentException("request number must be 1..4 (DLE EOT n), got " + n));
        return new Bit(request, parseNumber(value.substring(colon + 1).trim(), "mask"));
    }

    private static int parseNumber(String text, String what) {
        try {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.startsWith("0x")) {
                return Integer.parseInt(t.substring(2), 16);
            }
            if (t.startsWith("0b")) {
                return Integer.parseInt(t.substring(2), 2);
            }
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number (use 0x0C, 0b1100 or 12)");
        }
    }

    private static List<String> knownNames() {
        return EnumSet.allOf(PrinterCondition.class).stream().map(PrinterCondition::configName).toList();
    }
}
