package org.govkiosk.app.ui.keyboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A date chosen by tapping a year, a month and a day, written into the field as the form expects it
 * (yyyy-MM-dd, {@code FormValidator}): no format to learn, no impossible date. It opens on the field's date, or
 * on this month with no day chosen, so an empty field stays empty until a day is tapped.
 */
public final class DatePickerViewModel {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;
    private final ReadOnlyIntegerWrapper year = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper month = new ReadOnlyIntegerWrapper();
    /** 0 while no day is chosen. */
    private final ReadOnlyIntegerWrapper day = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper daysInMonth = new ReadOnlyIntegerWrapper(31);
    private Consumer<String> field = v -> { };

    public DatePickerViewModel(Clock clock) {
        this.clock = clock;
        open("", v -> { });
    }

    /** Opens on {@code current} when it is a date, else on this month; choices are written to {@code into}. */
    public void open(String current, Consumer<String> into) {
        field = v -> { };
        LocalDate shown;
        boolean chosen;
        try {
            shown = LocalDate.parse(current == null ? "" : current.strip(), FORMAT);
            chosen = true;
        } catch (DateTimeParseException e) {
            shown = LocalDate.now(clock);
            chosen = false;
        }
        year.set(Math.max(FIRST_YEAR, Math.min(LAST_YEAR, shown.getYear())));
        month.set(shown.getMonthValue());
        day.set(chosen ? shown.getDayOfMonth() : 0);
        updateDays();
        field = into;
    }

    /** Moves the year by {@code years} (±1, ±10), within {@link #FIRST_YEAR}..{@link #LAST_YEAR}. */
    public void yearBy(int years) {
        year.set(Math.max(FIRST_YEAR, Math.min(LAST_YEAR, year.get() + years)));
        changed();
    }

    public void chooseMonth(int m) {
        if (m >= 1 && m <= 12) {
            month.set(m);
            changed();
        }
    }

    public void chooseDay(int d) {
        if (d >= 1 && d <= daysInMonth.get()) {
            day.set(d);
            write();
        }
    }

    private void changed() {
        updateDays();
        write();
    }

    /** A day past the month's end (the 31st, moving to April) becomes its last day. */
    private void updateDays() {
        daysInMonth.set(YearMonth.of(year.get(), month.get()).lengthOfMonth());
        if (day.get() > daysInMonth.get()) {
            day.set(daysInMonth.get());
        }
    }

    private void write() {
        if (day.get() > 0) {
            field.accept(LocalDate.of(year.get(), month.get(), day.get()).format(FORMAT));
        }
    }

    public ReadOnlyIntegerProperty yearProperty() {
        return year.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty monthProperty() {
        return month.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty dayProperty() {
        return day.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty daysInMonthProperty() {
        return daysInMonth.getReadOnlyProperty();
    }
}
