package org.jicha.ingest.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jicha.records.StoredKeys;

/**
 * The keys a reference may resolve to during one batch load: those already stored (read once per record kind,
 * on first use, instead of one query per row) plus those accepted from files of this batch. Keys of the file
 * being loaded are staged and only become visible to later files when that file is committed.
 */
final class ReferenceIndex {

    /** How a reference looked up in the index turned out. */
    enum Resolution {
        FOUND,
        MISSING,
        NOT_A_STATION
    }

    private final StoredKeys stored;
    private final Map<Reference, Set<String>> known = new EnumMap<>(Reference.class);
    private final Map<String, String> knownUnitTypes = new HashMap<>();
    private final Map<Reference, Set<String>> staged = new EnumMap<>(Reference.class);
    private final Map<String, String> stagedUnitTypes = new HashMap<>();
    private final Set<ContractFile> rejectedFiles = EnumSet.noneOf(ContractFile.class);

    ReferenceIndex(StoredKeys stored) {
        this.stored = stored;
    }

    Resolution resolve(Reference reference, String key) {
        Reference keySet = reference.keySet();
        if (keySet == Reference.UNIT) {
            loadIfNeeded(keySet);
            String type = stagedUnitTypes.containsKey(key) ? stagedUnitTypes.get(key) : knownUnitTypes.get(key);
            if (type == null) {
                return Resolution.MISSING;
            }
            return reference == Reference.STATION && !"STATION".equals(type)
                    ? Resolution.NOT_A_STATION
                    : Resolution.FOUND;
        }
        return loadIfNeeded(keySet).contains(key)
                        || staged.getOrDefault(keySet, Set.of()).contains(key)
                ? Resolution.FOUND
                : Resolution.MISSING;
    }

    String unitType(String unitCode) {
        return stagedUnitTypes.containsKey(unitCode) ? stagedUnitTypes.get(unitCode) : knownUnitTypes.get(unitCode);
    }

    /**
     * Reads now the stored keys the file's references may need, so no query runs while its rows stream to the
     * database (a PostgreSQL connection busy with COPY cannot answer one).
     */
    void prepareFor(ContractFile file) {
        for (Column column : file.columns()) {
            if (column.references() != null) {
                loadIfNeeded(column.references().keySet());
            }
        }
    }

    /** Makes the key of an accepted row resolvable, for now only within its own file. */
    void stage(ParsedRow row) {
        row.file().produces().ifPresent(reference -> {
            String key = row.cell(keyColumn(row.file()));
            if (reference == Reference.UNIT) {
                stagedUnitTypes.put(key, row.cell("unit_type"));
            } else {
                staged.computeIfAbsent(reference, r -> new HashSet<>()).add(key);
            }
        });
    }

    /** The staged keys were stored: later files may refer to them. */
    void commitStaged() {
        knownUnitTypes.putAll(stagedUnitTypes);
        staged.forEach((reference, keys) -> {
            if (known.containsKey(reference)) {
                known.get(reference).addAll(keys);
            }
        });
        discardStaged();
    }

    /** The staged keys were not stored (the file was rolled back). */
    void discardStaged() {
        staged.clear();
        stagedUnitTypes.clear();
    }

    void markRejected(ContractFile file) {
        rejectedFiles.add(file);
    }

    boolean wasRejected(ContractFile file) {
        return rejectedFiles.contains(file);
    }

    private Set<String> loadIfNeeded(Reference keySet) {
        Set<String> keys = known.get(keySet);
        if (keys != null) {
            return keys;
        }
        Set<String> loaded = new HashSet<>();
        switch (keySet) {
            case UNIT, STATION -> knownUnitTypes.putAll(stored.unitTypes());
            case TARIFF -> loaded.addAll(stored.tariffCodes());
            case CUSTOMER -> loaded.addAll(stored.customerNos());
            case METER -> loaded.addAll(stored.meterIds());
            case APPLICATION -> loaded.addAll(stored.applicationNos());
        }
        known.put(keySet, loaded);
        return loaded;
    }

    private static String keyColumn(ContractFile file) {
        return file.columns().stream()
                .filter(Column::key)
                .findFirst()
                .orElseThrow()
                .name();
    }
}
