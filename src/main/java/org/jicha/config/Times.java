package org.jicha.config;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Times as people read them: {@code yyyy-MM-dd HH:mm} in the one zone of {@link PeopleZone}. Pages call it as
 * {@code ${@times.format(x)}}; mails and reports call it directly. An {@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime} or {@link Date} is moved into the zone; a {@link LocalDateTime} is taken as already being
 * a time of that zone (the product stores its wall-clock times in it); null is the empty text.
 */
@Component
public class Times {

    /** The one pattern of a time shown to people. */
    public static final String PATTERN = "yyyy-MM-dd HH:mm";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    private final ZoneId zone;

    public Times(PeopleZone properties) {
        this.zone = properties.zone();
    }

    /** The zone people read times in. */
    public ZoneId zone() {
        return zone;
    }

    /** {@code temporal} as {@code yyyy-MM-dd HH:mm} in the people's zone; "" for null. */
    public String format(Object temporal) {
        LocalDateTime local = local(temporal);
        return local == null ? "" : FORMAT.format(local);
    }

    /** {@code temporal} as a wall-clock time of the people's zone; null for null. */
    public LocalDateTime local(Object temporal) {
        if (temporal == null) {
            return null;
        }
        if (temporal instanceof LocalDateTime local) {
            return local;
        }
        if (temporal instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        if (temporal instanceof OffsetDateTime offset) {
            return LocalDateTime.ofInstant(offset.toInstant(), zone);
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return LocalDateTime.ofInstant(zoned.toInstant(), zone);
        }
        if (temporal instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), zone);
        }
        throw new IllegalArgumentException(
                "not a point in time: " + temporal.getClass().getName());
    }
}
