package org.govkiosk.platform.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Makes case numbers: a prefix, the date and 12 random digits, e.g. {@code GK20250301048213377021}. Random, not
 * sequential, so nobody can walk the numbers to read other people's progress; digits only, so a citizen can type
 * one on the terminal's keypad. Clients must treat numbers as opaque.
 */
public final class CaseNumbers implements Supplier<String> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String prefix;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    public CaseNumbers(String prefix, Clock clock, ZoneId zone) {
        if (!prefix.matches("[A-Z0-9]{0,16}")) {
            throw new IllegalArgumentException("case number prefix must be up to 16 of A-Z, 0-9: " + prefix);
        }
        this.prefix = prefix;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String get() {
        StringBuilder number = new StringBuilder(prefix).append(LocalDate.now(clock.withZone(zone)).format(DAY));
        for (int i = 0; i < 12; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }
}
