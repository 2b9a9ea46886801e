package org.govkiosk.shared.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working days of government service (工作日): Monday to Friday, except the public holidays (放假) of the State
 * Council's yearly arrangement, plus its make-up Saturdays and Sundays (调休上班). Every deadline of the terminal
 * and the platform counts with it: promised dates (承诺时限), 补正 and 容缺 deadlines, follow-ups of bad ratings.
 *
 * <p>One file a year, {@code calendar/YYYY.yaml} (see the shipped {@code config/calendar/2025.yaml} for the
 * format). A date in a year without a file is counted with weekends only, and the log says so once per year
 * (WARN): a deadline is then still given, but may fall on a holiday.
 *
 * <p>Kept in shared-blocks because the terminal (kiosk-app) and the platform (platform-server) must count the
 * same days from the same files, and shared-blocks is below both and holds the YAML reader the files are read
 * with; platform-api is the wire contract between them, which a calendar is not.
 */
public final class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.yaml");
    private static final int MAX_DAYS = 10_000;

    /** One year's arrangement as published. */
    public record Year(int year, String source, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        public Year {
            holidays = Set.copyOf(holidays);
            workingWeekends = Set.copyOf(workingWeekends);
        }
    }

    private final SortedMap<Integer, Year> years;
    private final String origin;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    private WorkingCalendar(Map<Integer, Year> years, String origin) {
        this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        this.origin = origin;
    }

    /** A calendar of these years (tests, and callers that read the files themselves). */
    public static WorkingCalendar of(List<Year> years) {
        Map<Integer, Year> byYear = new TreeMap<>();
        years.forEach(y -> byYear.put(y.year(), y));
        return new WorkingCalendar(byYear, "given years");
    }

    /** No published arrangement at all: weekends only, with the warning for every year it is asked about. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Map.of(), "no calendar files");
    }

    /**
     * Every {@code YYYY.yaml} in {@code dir} (other files are ignored); problems are reported as
     * {@code calendar/2025.yaml: holidays[1].to: ...}.
     *
     * @throws IllegalArgumentException with every problem of every file, one a line, or if {@code dir} is not a
     *     directory
     */
    public static WorkingCalendar load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("calendar: " + dir.toAbsolutePath() + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> YEAR_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar: cannot list " + dir.toAbsolutePath() + ": " + e, e);
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, Year> years = new TreeMap<>();
        String folder = dir.getFileName() == null ? "" : dir.getFileName() + "/";
        for (Path file : files) {
            String name = file.getFileName().toString();
            int year = Integer.parseInt(name.substring(0, 4));
            readYear(dir, name, folder + name, year, problems).ifPresent(y -> years.put(year, y));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        WorkingCalendar calendar = new WorkingCalendar(years, dir.toAbsolutePath().toString());
        log.info("working calendar {}: years {}", dir.toAbsolutePath(), years.keySet());
        return calendar;
    }

    private static Optional<Year> readYear(Path dir, String name, String shownAs, int year, List<String> problems) {
        List<String> fileProblems = new ArrayList<>();
        Optional<JsonNode> node = YamlFiles.readMapping(dir, name, "a mapping (year, source, holidays, "
                + "working-weekends)", fileProblems);
        // YamlFiles names the file by its bare name; the calendar's files are named with their folder.
        fileProblems.forEach(p -> problems.add(p.startsWith(name + ": ") ? shownAs + p.substring(name.length()) : p));
        if (node.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        YamlSection root = YamlSection.root(shownAs, node.get(), problems);
        root.onlyKeys("year", "source", "holidays", "working-weekends");
        root.integer("year", 1900, 9999, true).ifPresent(y -> {
            if (y != year) {
                root.problem(root.key("year"), "says " + y + ", but the file is " + name + "; one file a year, "
                        + "named by it");
            }
        });
        String source = root.string("source", true).orElse("");
        Set<LocalDate> holidays = new HashSet<>();
        List<YamlSection> ranges = root.list("holidays", true);
        for (YamlSection h : ranges) {
            h.onlyKeys("name", "from", "to");
            h.string("name", true);
            Optional<LocalDate> from = date(h, "from", year);
            Optional<LocalDate> to = date(h, "to", year);
            if (from.isPresent() && to.isPresent()) {
                if (to.get().isBefore(from.get())) {
                    h.problem(h.key("to"), "is before from (" + from.get() + ")");
                } else {
                    for (LocalDate d = from.get(); !d.isAfter(to.get()); d = d.plusDays(1)) {
                        if (!holidays.add(d)) {
                            h.problem(h.path(), d + " is in two holidays");
                        }
                    }
                }
            }
        }
        Set<LocalDate> workingWeekends = new HashSet<>();
        List<String> written = root.strings("working-weekends");
        for (int i = 0; i < written.size(); i++) {
            String key = root.key("working-weekends") + "[" + i + "]";
            Optional<LocalDate> d = parse(root, key, written.get(i), year);
            if (d.isEmpty()) {
                continue;
            }
            if (!isWeekend(d.get())) {
                root.problem(key, d.get() + " is a " + d.get().getDayOfWeek().toString().toLowerCase()
                        + ", a working day anyway: list only the Saturdays and Sundays worked (调休上班)");
            } else if (holidays.contains(d.get())) {
                root.problem(key, d.get() + " is also inside a holiday");
            } else if (!workingWeekends.add(d.get())) {
                root.problem(key, d.get() + " is listed twice");
            }
        }
        return problems.size() == before ? Optional.of(new Year(year, source, holidays, workingWeekends))
                : Optional.empty();
    }

    private static Optional<LocalDate> date(YamlSection s, String name, int year) {
        return s.string(name, true).flatMap(text -> parse(s, s.key(name), text, year));
    }

    private static Optional<LocalDate> parse(YamlSection s, String key, String text, int year) {
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            s.problem(key, "expected a date like " + year + "-10-01, got '" + text + "'");
            return Optional.empty();
        }
        if (d.getYear() != year) {
            s.problem(key, d + " is not in " + year + "; each year has its own file");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The years with a published arrangement. */
    public Set<Integer> years() {
        return years.keySet();
    }

    /** The notice a year's dates come from. */
    public Optional<String> source(int year) {
        return Optional.ofNullable(years.get(year)).map(Year::source);
    }

    /** A working day: a weekday that is no public holiday, or a make-up Saturday or Sunday (调休上班). */
    public boolean isWorkingDay(LocalDate date) {
        Year year = years.get(date.getYear());
        if (year == null) {
            if (warned.add(date.getYear())) {
                log.warn("working calendar ({}): no arrangement for {}; its working days are counted as Monday to "
                        + "Friday, without public holidays or 调休 (add calendar/{}.yaml)", origin, date.getYear(),
                        date.getYear());
            }
            return !isWeekend(date);
        }
        if (year.workingWeekends().contains(date)) {
            return true;
        }
        return !isWeekend(date) && !year.holidays().contains(date);
    }

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself when 0): what a deadline of
     * {@code days} working days from {@code from} is.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("working days must be 0.." + MAX_DAYS + ", got " + days);
        }
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + origin + ", years " + years.keySet() + "]";
    }
}
