package org.jicha.rules.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.CalendarFileException;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.rules.RuleProblem;

/**
 * The files of a rules folder: its {@code *.drl} and {@code *.drl.xlsx} files (editor leftovers such as
 * {@code ~$x.drl.xlsx} and hidden files skipped), their names as the audit team sees them
 * ({@code bus/business.drl}), the working-day calendar, and the content hash that identifies a version of the
 * folder (rule files, parameters and calendar).
 */
public final class RuleFolder {

    public static final String PARAMETERS_FILE = "parameters.yml";
    public static final String CALENDAR_FILE = "calendar/cn-working-days.csv";

    private RuleFolder() {}

    public static WorkingDayCalendar readCalendar(Path rulesDir, List<RuleProblem> problems) {
        Path file = rulesDir.resolve(CALENDAR_FILE);
        if (!Files.exists(file)) {
            problems.add(new RuleProblem(CALENDAR_FILE, 0, "working-day calendar is missing"));
            return WorkingDayCalendar.weekdaysOnly();
        }
        try {
            return CalendarFile.read(file);
        } catch (CalendarFileException e) {
            problems.add(new RuleProblem(CALENDAR_FILE, 0, e.getMessage()));
            return WorkingDayCalendar.weekdaysOnly();
        }
    }

    public static List<Path> ruleFiles(Path rulesDir) {
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith("~$")
                                && !name.startsWith(".")
                                && (name.endsWith(".drl") || name.endsWith(".drl.xlsx"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String contentHash(Path rulesDir, List<Path> ruleFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> all = new ArrayList<>(ruleFiles);
            for (String extra : List.of(PARAMETERS_FILE, CALENDAR_FILE)) {
                if (Files.exists(rulesDir.resolve(extra))) {
                    all.add(rulesDir.resolve(extra));
                }
            }
            all.sort(null);
            for (Path p : all) {
                digest.update(display(rulesDir, p).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(p));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String display(Path rulesDir, Path file) {
        return rulesDir.relativize(file).toString().replace('\\', '/');
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
