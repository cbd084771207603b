package org.jicha.plans.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jicha.config.Times;
import org.jicha.plans.PlanCadence;
import org.quartz.CronExpression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan's cron in words, from the message bundles: {@code 每月 1 日 03:00}, {@code 每季度首月 1 日 03:00},
 * {@code 每周一 03:00} ({@link PlanCadence}); a cron it cannot put in words is given as written. The next runs are
 * computed by Quartz in the people's zone ({@link Times}), the zone the plans' triggers fire in.
 */
@Component
class CronWords {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Times times;

    CronWords(MessageSource messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    /** The cron in words in {@code locale}, or the cron itself when it is not one a plan's form writes. */
    String words(String cron, Locale locale) {
        return PlanCadence.of(cron).map(c -> words(c, locale)).orElse(cron);
    }

    String words(PlanCadence cadence, Locale locale) {
        String key =
                "plans.cadence." + cadence.frequency() + (cadence.dayOfMonth() == PlanCadence.LAST_DAY ? ".last" : "");
        String day = cadence.dayOfWeek() == null
                ? ""
                : messages.getMessage("plans.day." + cadence.dayOfWeek(), null, locale);
        Object[] arguments = {
            HOUR_MINUTE.format(cadence.time()),
            day,
            String.valueOf(cadence.dayOfMonth()),
            String.valueOf(cadence.month())
        };
        return messages.getMessage(key, arguments, locale);
    }

    /** The next {@code count} times (people's zone, {@code yyyy-MM-dd HH:mm}) the cron fires after {@code from}. */
    List<String> nextRuns(String cron, int count, Instant from) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron.strip());
        } catch (ParseException | RuntimeException e) {
            return List.of();
        }
        expression.setTimeZone(TimeZone.getTimeZone(times.zone()));
        List<String> runs = new ArrayList<>();
        Date next = expression.getNextValidTimeAfter(Date.from(from));
        while (next != null && runs.size() < count) {
            runs.add(times.format(next.toInstant()));
            next = expression.getNextValidTimeAfter(next);
        }
        return runs;
    }
}
