package org.jicha.records;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers' names as loaded from the extract, for pages that list tickets by customer number. Names are
 * data typed by people elsewhere: pages must print them escaped.
 */
@Component
public class CustomerNames {

    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;

    public CustomerNames(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Name per customer number, for the numbers that are known (nulls and unknown numbers left out). */
    public Map<String, String> of(Collection<String> customerNos) {
        List<String> wanted =
                customerNos.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            jdbc.query(
                    "SELECT customer_no, customer_name FROM customers WHERE customer_no IN (:nos)",
                    new MapSqlParameterSource("nos", wanted.subList(from, Math.min(wanted.size(), from + CHUNK))),
                    rs -> {
                        names.put(rs.getString("customer_no"), rs.getString("customer_name"));
                    });
        }
        return names;
    }
}
