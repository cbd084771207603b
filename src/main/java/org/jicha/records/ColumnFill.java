package org.jicha.records;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a contract column holds any value in the stored records: a rule that {@code @requires} a column nobody's
 * extract fills (reactive energy, say) cannot be computed, and the run says so instead of silently finding nothing.
 * Only the contract's tables and plain column names are asked; the first filled value answers (a count would scan
 * millions of readings or bills).
 */
@Component
public class ColumnFill {

    /** What the stored records hold in a column. */
    public enum State {
        FILLED,
        EMPTY,
        UNKNOWN
    }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    public ColumnFill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of {@code table.column}; UNKNOWN when it is not a column of a contract table. */
    public State of(String tableDotColumn) {
        String[] parts = tableDotColumn.split("\\.");
        if (parts.length != 2
                || !NAME.matcher(parts[1]).matches()
                || Arrays.stream(ContractTable.values())
                        .noneMatch(t -> t.table().equals(parts[0]))) {
            return State.UNKNOWN;
        }
        try {
            List<Integer> filled = jdbc.queryForList(
                    "SELECT 1 FROM " + parts[0] + " WHERE " + parts[1] + " IS NOT NULL FETCH FIRST 1 ROW ONLY",
                    Integer.class);
            return filled.isEmpty() ? State.EMPTY : State.FILLED;
        } catch (DataAccessException e) {
            return State.UNKNOWN;
        }
    }

    /** How many applications have no customer (they are audited in batches of their own). */
    public long applicationsWithoutCustomer() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM applications WHERE customer_no IS NULL", Long.class);
        return n == null ? 0 : n;
    }
}
