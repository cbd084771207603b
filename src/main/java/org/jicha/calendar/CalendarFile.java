package org.jicha.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the working-day calendar data file: {@code #} comment lines, a {@code years,2024,2025,...} line,
 * an optional {@code provisional,2027} line (covered years entered before the State Council's notice, from the
 * statutory holidays alone), a {@code date,type,name} header, then one line per holiday weekday or make-up
 * working weekend day.
 */
public final class CalendarFile {

    private CalendarFile() {}

    public static WorkingDayCalendar read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CalendarFileException(file + ": cannot read calendar file: " + e.getMessage());
        }
        Map<LocalDate, WorkingDayCalendar.DayType> exceptions = new HashMap<>();
        List<Integer> years = new ArrayList<>();
        List<Integer> provisional = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("date,")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells[0].equals("years") || cells[0].equals("provisional")) {
                List<Integer> into = cells[0].equals("years") ? years : provisional;
                for (int c = 1; c < cells.length; c++) {
                    into.add(parseYear(file, lineNo, cells[0], cells[c].strip()));
                }
                continue;
            }
            if (cells.length < 2) {
                throw new CalendarFileException(
                        file + ":" + lineNo + ": expected date,type[,name] but was \"" + line + "\"");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                throw new CalendarFileException(
                        file + ":" + lineNo + " column date: \"" + cells[0] + "\" is not a yyyy-MM-dd date");
            }
            WorkingDayCalendar.DayType type;
            try {
                type = WorkingDayCalendar.DayType.valueOf(cells[1].strip());
            } catch (IllegalArgumentException e) {
                throw new CalendarFileException(
                        file + ":" + lineNo + " column type: \"" + cells[1] + "\" must be HOLIDAY or WORKDAY");
            }
            if (exceptions.put(date, type) != null) {
                throw new CalendarFileException(file + ":" + lineNo + ": date " + date + " is listed twice");
            }
        }
        if (years.isEmpty()) {
            throw new CalendarFileException(file + ": no \"years,...\" line saying which years the file covers");
        }
        for (int year : provisional) {
            if (!years.contains(year)) {
                throw new CalendarFileException(file + ": provisional year " + year
                        + " is not one of the years the file covers (the \"years,...\" line)");
            }
        }
        return new WorkingDayCalendar(exceptions, years, provisional);
    }

    private static int parseYear(Path file, int lineNo, String column, String cell) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new CalendarFileException(
                    file + ":" + lineNo + " column " + column + ": \"" + cell + "\" is not a year");
        }
    }
}
