package org.jicha.people;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.records.UnitRecords;
import org.springframework.stereotype.Component;

/**
 * The organisation as loaded from the extract (the records module's units): which units lie below a unit,
 * and which lie above it. Read per question: a province has a few thousand units, and loads may change them.
 */
@Component
public class UnitTree {

    private final UnitRecords units;

    public UnitTree(UnitRecords units) {
        this.units = units;
    }

    /** Whether the unit has been loaded from the extract. */
    public boolean exists(String unitCode) {
        return units.exists(unitCode);
    }

    /** The unit and every unit below it; just the unit itself when it is unknown (not loaded yet). */
    public Set<String> subtree(String unitCode) {
        Map<String, List<String>> children = new HashMap<>();
        units.parents().forEach((unit, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
            }
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
        Map<String, String> parents = units.parents();
        List<String> chain = new ArrayList<>();
        for (String u = unitCode; u != null && !chain.contains(u); u = parents.get(u)) {
            chain.add(u);
        }
        return chain;
    }
}
