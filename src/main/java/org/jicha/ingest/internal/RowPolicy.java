package org.jicha.ingest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A row rule of the data contract beyond "each value parses": returns the violation, or empty when the row
 * keeps the rule. A policy only looks at values that parsed; missing values are the parser's concern.
 */
@FunctionalInterface
interface RowPolicy {

    Optional<Violation> check(ParsedRow row, RowContext context);

    static RowPolicy atLeast(String column, BigDecimal minimum) {
        return (row, context) -> row.value(column) instanceof BigDecimal value && value.compareTo(minimum) < 0
                ? Optional.of(Violation.of(column, row.cell(column), "atLeast", minimum.toPlainString()))
                : Optional.empty();
    }

    static RowPolicy greaterThan(String column, BigDecimal bound) {
        return (row, context) -> row.value(column) instanceof BigDecimal value && value.compareTo(bound) <= 0
                ? Optional.of(Violation.of(column, row.cell(column), "greaterThan", bound.toPlainString()))
                : Optional.empty();
    }

    /** Inclusive range for an INTEGER or DECIMAL column. */
    static RowPolicy between(String column, int minimum, int maximum) {
        BigDecimal low = BigDecimal.valueOf(minimum);
        BigDecimal high = BigDecimal.valueOf(maximum);
        return (row, context) -> {
            Object value = row.value(column);
            BigDecimal number =
                    value instanceof Integer i ? BigDecimal.valueOf(i) : value instanceof BigDecimal d ? d : null;
            if (number == null || (number.compareTo(low) >= 0 && number.compareTo(high) <= 0)) {
                return Optional.empty();
            }
            return Optional.of(Violation.of(
                    column, row.cell(column), "between", String.valueOf(minimum), String.valueOf(maximum)));
        };
    }

    /**
     * A reading is taken within its billing month or "just after" it: from the first day of the period up to
     * {@link RowContext#readOnGraceDays()} days after its last day.
     */
    static RowPolicy readWithinPeriod(String readOnColumn, String periodColumn) {
        return (row, context) -> {
            if (!(row.value(readOnColumn) instanceof LocalDate readOn)
                    || !(row.value(periodColumn) instanceof String period)) {
                return Optional.empty();
            }
            YearMonth month = YearMonth.parse(period);
            LocalDate latest = month.atEndOfMonth().plusDays(context.readOnGraceDays());
            if (readOn.isBefore(month.atDay(1)) || readOn.isAfter(latest)) {
                return Optional.of(Violation.of(
                        readOnColumn,
                        row.cell(readOnColumn),
                        "readWithinPeriod",
                        period,
                        String.valueOf(context.readOnGraceDays()),
                        month.atDay(1).toString(),
                        latest.toString()));
            }
            return Optional.empty();
        };
    }

    static RowPolicy notBefore(String column, String earlierColumn) {
        return (row, context) -> row.value(column) instanceof LocalDateTime later
                        && row.value(earlierColumn) instanceof LocalDateTime earlier
                        && later.isBefore(earlier)
                ? Optional.of(
                        Violation.of(column, row.cell(column), "notBefore", earlierColumn, row.cell(earlierColumn)))
                : Optional.empty();
    }
}
