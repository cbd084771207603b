package org.jicha.records;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What changed in the stored records, for incremental audits: the customers with a record a load stamped at or
 * after a moment ({@code changed_at}, see docs/FACTS.md "Change tracking"), and a hash of the reference tables every
 * customer's evaluation depends on (tariffs, units, staff), so that a change there calls for a full run.
 */
@Component
public class RecordChanges {

    /** Tables whose rows hang from a customer, and how a changed row names its customer. */
    private static final List<String> CHANGED_CUSTOMERS = List.of(
            "SELECT customer_no FROM customers WHERE changed_at >= ?",
            "SELECT customer_no FROM important_customers WHERE changed_at >= ?",
            "SELECT customer_no FROM meters WHERE changed_at >= ?",
            // written as IN (subquery), not as a join: H2's planner otherwise walks every meter's readings by
            // primary key instead of starting from the few rows the changed_at index finds
            "SELECT customer_no FROM meters WHERE meter_id IN (SELECT meter_id FROM readings WHERE changed_at >= ?)",
            "SELECT customer_no FROM meters WHERE meter_id IN (SELECT meter_id FROM meter_events WHERE changed_at >= ?)",
            "SELECT customer_no FROM bills WHERE changed_at >= ?",
            "SELECT customer_no FROM applications WHERE changed_at >= ? AND customer_no IS NOT NULL",
            "SELECT customer_no FROM applications WHERE customer_no IS NOT NULL AND app_no IN "
                    + "(SELECT app_no FROM application_steps WHERE changed_at >= ?)",
            "SELECT customer_no FROM inspections WHERE changed_at >= ?");

    private final JdbcTemplate jdbc;

    public RecordChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A query of one column, {@code customer_no} (null for none), of the customers with a record stamped at or
     * after the moment; it takes the moment {@link #changedCustomersParameters()} times, so that the audit can
     * insert its result into its own candidates table in one statement.
     */
    public String changedCustomersQuery() {
        return String.join(" UNION ", CHANGED_CUSTOMERS);
    }

    /** How many times {@link #changedCustomersQuery()} takes the moment. */
    public int changedCustomersParameters() {
        return CHANGED_CUSTOMERS.size();
    }

    /**
     * A SHA-256 of the reference tables every customer's evaluation depends on (tariffs, units, staff), so an
     * incremental run can tell that they are as its base read them.
     */
    public String referenceHash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String sql : List.of(
                "SELECT * FROM tariffs ORDER BY tariff_code, valid_from",
                "SELECT * FROM units ORDER BY unit_code",
                "SELECT * FROM staff ORDER BY staff_id")) {
            digest.update(sql.getBytes(StandardCharsets.UTF_8));
            jdbc.query(sql, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (meta.getColumnName(i).equalsIgnoreCase("changed_at")) {
                        continue;
                    }
                    Object value = rs.getObject(i);
                    digest.update(String.valueOf(
                                    value instanceof BigDecimal d
                                            ? d.stripTrailingZeros().toPlainString()
                                            : value)
                            .getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
            });
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
