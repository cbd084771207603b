package org.jicha.sampledata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * China working days (weekends off, statutory holidays off, make-up working days on), read from
 * {@code rules/calendar/cn-working-days.csv}, with the catalogue's {@code wd} span convention.
 */
final class ChinaCalendar {

    static final Path DEFAULT_FILE = Path.of("rules", "calendar", "cn-working-days.csv");

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();

    private ChinaCalendar() {
    }

    static ChinaCalendar load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar " + file.toAbsolutePath(), e);
        }
        ChinaCalendar calendar = new ChinaCalendar();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || !cells[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            LocalDate date = LocalDate.parse(cells[0]);
            switch (cells[1].trim()) {
                case "HOLIDAY" -> calendar.holidays.add(date);
                case "WORKDAY" -> calendar.makeUpWorkdays.add(date);
                default -> throw new IllegalArgumentException("unknown day type in " + file + ": " + line);
            }
        }
        return calendar;
    }

    boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from}'s date up to and including {@code to}'s date (0 on the same day). */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The date that lies {@code n} working days after {@code from} (n = 0: {@code from} itself). */
    LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code date} itself when it is a working day, else the next working day. */
    LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
