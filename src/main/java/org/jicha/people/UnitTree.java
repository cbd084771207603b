package org.jicha.people;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation as loaded from the extract (table {@code units}): which units lie below a unit, and
 * which lie above it. Read per question: a province has a few thousand units, and loads may change them.
 */
@Component
public class UnitTree {

    private final JdbcTemplate jdbc;

    public UnitTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the unit has been loaded from the extract. */
    public boolean exists(String unitCode) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM units WHERE unit_code = ?", Long.class, unitCode);
        return n != null && n > 0;
    }

    /** The unit and every unit below it; just the unit itself when it is unknown (not loaded yet). */
    public Set<String> subtree(String unitCode) {
        Map<String, List<String>> children = new HashMap<>();
        jdbc.query("SELECT unit_code, parent_code FROM units WHERE parent_code IS NOT NULL", rs -> {
            children.computeIfAbsent(rs.getString("parent_code"), k -> new ArrayList<>()).add(rs.getString("unit_code"));
        });
        Set<String> result = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(unitCode));
        while (!todo.isEmpty()) {
            String unit = todo.pop();
            if (result.add(unit)) {
                todo.addAll(children.getOrDefault(unit, List.of()));
            }
        }
        return result;
    }

    /** The unit and the units above it, nearest first. */
    public List<String> ancestry(String unitCode) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT unit_code, parent_code FROM units", rs -> {
            parents.put(rs.getString("unit_code"), rs.getString("parent_code"));
        });
        List<String> chain = new ArrayList<>();
        for (String u = unitCode; u != null && !chain.contains(u); u = parents.get(u)) {
            chain.add(u);
        }
        return chain;
    }
}
