package org.govkiosk.device.internal.codec.escpos;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * Total lengths of the fixed-length ESC/POS commands the parser knows without looking at parameters, keyed by
 * the byte after the prefix. Commands with variable length are handled in {@link EscPosStreamParser} itself.
 */
final class EscPosCommandTable {

    static final Map<Integer, Integer> ESC = Map.ofEntries(
            Map.entry((int) ' ', 3), Map.entry((int) '!', 3), Map.entry((int) '$', 4), Map.entry((int) '%', 3),
            Map.entry((int) '-', 3), Map.entry((int) '2', 2), Map.entry((int) '3', 3), Map.entry((int) '<', 2),
            Map.entry((int) '=', 3), Map.entry((int) '?', 3), Map.entry((int) 'E', 3), Map.entry((int) 'G', 3),
            Map.entry((int) 'K', 3), Map.entry((int) 'L', 2), Map.entry((int) 'M', 3), Map.entry((int) 'R', 3),
            Map.entry((int) 'S', 2), Map.entry((int) 'T', 3), Map.entry((int) 'U', 3), Map.entry((int) 'V', 3),
            Map.entry((int) 'W', 10), Map.entry((int) '\\', 4), Map.entry((int) 'a', 3), Map.entry((int) 'c', 4),
            Map.entry((int) 'e', 3), Map.entry((int) 'p', 5), Map.entry((int) 'r', 3), Map.entry((int) '{', 3));

    static final Map<Integer, Integer> FS = Map.of(
            (int) '!', 3, (int) '-', 3, (int) 'C', 3, (int) 'S', 4, (int) 'W', 3, (int) 'p', 4,
            // FS 2 c1 c2 + 72 bytes of a 24 x 24 user-defined Chinese character
            (int) '2', 76);

    static final Map<Integer, Integer> GS = Map.ofEntries(
            Map.entry((int) '!', 3), Map.entry((int) '$', 4), Map.entry((int) '/', 3), Map.entry((int) ':', 2),
            Map.entry((int) 'B', 3), Map.entry((int) 'E', 3), Map.entry((int) 'H', 3), Map.entry((int) 'I', 3),
            Map.entry((int) 'L', 4), Map.entry((int) 'P', 4), Map.entry((int) 'T', 3), Map.entry((int) 'W', 4),
            Map.entry((int) '\\', 4), Map.entry((int) '^', 5), Map.entry((int) 'a', 3), Map.entry((int) 'b', 3),
            Map.entry((int) 'c', 2), Map.entry((int) 'f', 3), Map.entry((int) 'g', 5), Map.entry((int) 'h', 3),
            Map.entry((int) 'j', 3), Map.entry((int) 'r', 3), Map.entry((int) 'w', 3), Map.entry((int) 'z', 5));

    private static final Map<Integer, String> CODE_PAGES = Map.of(
            0, "IBM437", 2, "IBM850", 3, "IBM860", 4, "IBM863", 5, "IBM865",
            16, "windows-1252", 17, "IBM866", 18, "IBM852", 19, "IBM00858");

    private EscPosCommandTable() {
    }

    /** The charset of code page {@code n} of {@code ESC t n}, when the JDK has it. */
    static Optional<Charset> codePage(int n) {
        String name = CODE_PAGES.get(n);
        return name != null && Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    }
}
