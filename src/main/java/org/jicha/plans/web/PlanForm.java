package org.jicha.plans.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.plans.PlanCadence;
import org.jicha.plans.PlanCadence.Frequency;
import org.jicha.plans.PlanDefinition;
import org.jicha.plans.PlanKind;
import org.jicha.plans.PlanView;

/**
 * What the plan form posts, as typed: the schedule chosen in words ({@code frequency} with its day, weekday,
 * month and time, or {@code CRON} with a Quartz cron written out) and the scope chosen from lists. Every field is
 * text so that whatever a person typed comes back into the form beside its message. {@link #definition(Map)}
 * turns it into the {@link PlanDefinition} the API takes, putting each fault the form can see under its field;
 * the rest is {@code PlanService}'s validation, as for the API.
 */
public class PlanForm {

    /** The frequency that means "a Quartz cron written out". */
    static final String CRON = "CRON";

    private String name = "";
    private String description = "";
    private String kind = PlanKind.ROUTINE.name();
    private String frequency = Frequency.MONTHLY.name();
    private String dayOfMonth = "1";
    private String dayOfWeek = DayOfWeek.MONDAY.name();
    private String month = "1";
    private String time = "03:00";
    private String cron = "";
    private String startsOn = "";
    private String endsOn = "";
    private List<String> themes = new ArrayList<>();
    private List<String> ruleCodes = new ArrayList<>();
    private List<String> unitCodes = new ArrayList<>();
    private String targetRectificationPct = "";
    private String target = "";
    private boolean enabled = true;

    /** The form of an existing plan; a cron the form cannot put in words stays a written cron. */
    static PlanForm of(PlanView plan) {
        PlanForm form = new PlanForm();
        form.name = plan.name();
        form.description = plan.description() == null ? "" : plan.description();
        form.kind = plan.kind().name();
        form.cron = plan.cron();
        PlanCadence.of(plan.cron())
                .ifPresentOrElse(
                        c -> {
                            form.frequency = c.frequency().name();
                            form.time = c.time().toString();
                            if (c.dayOfMonth() != 0) {
                                form.dayOfMonth = String.valueOf(c.dayOfMonth());
                            }
                            if (c.dayOfWeek() != null) {
                                form.dayOfWeek = c.dayOfWeek().name();
                            }
                            if (c.month() != 0) {
                                form.month = String.valueOf(c.month());
                            }
                        },
                        () -> form.frequency = CRON);
        form.startsOn = plan.startsOn() == null ? "" : plan.startsOn().toString();
        form.endsOn = plan.endsOn() == null ? "" : plan.endsOn().toString();
        form.themes = new ArrayList<>(plan.themes());
        form.ruleCodes = new ArrayList<>(plan.ruleCodes());
        form.unitCodes = new ArrayList<>(plan.unitCodes());
        form.targetRectificationPct =
                plan.targetRectificationPct() == null ? "" : String.valueOf(plan.targetRectificationPct());
        form.target = plan.target() == null ? "" : plan.target();
        form.enabled = plan.enabled();
        return form;
    }

    /**
     * The definition the form describes, or null when a field cannot be read; each such fault is put into
     * {@code errors} under its field as a message key.
     */
    PlanDefinition definition(Map<String, String> errors) {
        PlanKind planKind = null;
        try {
            planKind = PlanKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("kind", "plans.form.error.kind");
        }
        String planCron = cronOf(errors);
        LocalDate starts = date(startsOn, "startsOn", errors);
        LocalDate ends = date(endsOn, "endsOn", errors);
        Integer pct = null;
        if (!blank(targetRectificationPct)) {
            try {
                pct = Integer.valueOf(targetRectificationPct.strip());
            } catch (NumberFormatException e) {
                errors.put("targetRectificationPct", "plans.form.error.pct");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new PlanDefinition(
                name == null ? null : name.strip(),
                blank(description) ? null : description.strip(),
                planKind,
                planCron,
                starts,
                ends,
                themes,
                ruleCodes,
                unitCodes,
                pct,
                blank(target) ? null : target.strip(),
                enabled);
    }

    private String cronOf(Map<String, String> errors) {
        if (CRON.equals(frequency)) {
            return cron == null ? "" : cron.strip();
        }
        Frequency chosen;
        LocalTime at;
        try {
            chosen = Frequency.valueOf(frequency);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("schedule", "plans.form.error.frequency");
            return null;
        }
        try {
            at = LocalTime.parse(time == null ? "" : time.strip());
        } catch (DateTimeParseException e) {
            errors.put("schedule", "plans.form.error.time");
            return null;
        }
        return switch (chosen) {
            case DAILY -> PlanCadence.daily(at).toCron();
            case WEEKLY -> {
                DayOfWeek w = weekday(errors);
                yield w == null ? null : PlanCadence.weekly(w, at).toCron();
            }
            case MONTHLY -> {
                int d = day(errors);
                yield d == 0 ? null : PlanCadence.monthly(d, at).toCron();
            }
            case QUARTERLY -> {
                int d = day(errors);
                yield d == 0 ? null : PlanCadence.quarterly(d, at).toCron();
            }
            case YEARLY -> {
                int d = day(errors);
                int m = number(month, 1, 12);
                if (m == 0) {
                    errors.put("schedule", "plans.form.error.month");
                }
                yield d == 0 || m == 0 ? null : PlanCadence.yearly(m, d, at).toCron();
            }
        };
    }

    private DayOfWeek weekday(Map<String, String> errors) {
        try {
            return DayOfWeek.valueOf(dayOfWeek);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("schedule", "plans.form.error.weekday");
            return null;
        }
    }

    /** The chosen day of the month (or {@link PlanCadence#LAST_DAY}); 0 with a fault in {@code errors}. */
    private int day(Map<String, String> errors) {
        if (String.valueOf(PlanCadence.LAST_DAY).equals(dayOfMonth)) {
            return PlanCadence.LAST_DAY;
        }
        int d = number(dayOfMonth, 1, 31);
        if (d == 0) {
            errors.put("schedule", "plans.form.error.day");
        }
        return d;
    }

    private static int number(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            return n < min || n > max ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "plans.form.error.date");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A fresh map of field faults, in the order they are found. */
    static Map<String, String> noErrors() {
        return new LinkedHashMap<>();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getDayOfMonth() {
        return dayOfMonth;
    }

    public void setDayOfMonth(String dayOfMonth) {
        this.dayOfMonth = dayOfMonth;
    }

    public String getDayOfWeek() {
        return dayOfWeek;
    }

    public void setDayOfWeek(String dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes == null ? new ArrayList<>() : themes;
    }

    public List<String> getRuleCodes() {
        return ruleCodes;
    }

    public void setRuleCodes(List<String> ruleCodes) {
        this.ruleCodes = ruleCodes == null ? new ArrayList<>() : ruleCodes;
    }

    public List<String> getUnitCodes() {
        return unitCodes;
    }

    public void setUnitCodes(List<String> unitCodes) {
        this.unitCodes = unitCodes == null ? new ArrayList<>() : unitCodes;
    }

    public String getTargetRectificationPct() {
        return targetRectificationPct;
    }

    public void setTargetRectificationPct(String targetRectificationPct) {
        this.targetRectificationPct = targetRectificationPct;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
