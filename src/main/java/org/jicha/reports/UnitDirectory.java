package org.jicha.reports;

import java.util.HashMap;
import java.util.Map;
import org.jicha.records.UnitRecords;
import org.springframework.stereotype.Component;

/** Names, types and parents of the loaded units, read once per report from the records module. */
@Component
class UnitDirectory {

    record Unit(String code, String name, String parent, String type, String teamKind) {}

    private final UnitRecords units;

    UnitDirectory(UnitRecords units) {
        this.units = units;
    }

    Map<String, Unit> read() {
        Map<String, Unit> result = new HashMap<>();
        for (UnitRecords.Unit u : units.all()) {
            result.put(u.code(), new Unit(u.code(), u.name(), u.parent(), u.type(), u.teamKind()));
        }
        return result;
    }
}
