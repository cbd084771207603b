package org.jicha.ingest.internal;

import java.util.List;
import org.jicha.records.StoredColumn;

/**
 * One column of a contract file: its name (as in the CSV header and the table), type, whether it is required
 * or part of the natural key, the longest text the table holds, the allowed codes and the record it refers to.
 */
public record Column(
        String name,
        ColumnType type,
        boolean required,
        boolean key,
        int maxLength,
        List<String> codes,
        Reference references) {

    static Column text(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, false, maxLength, List.of(), null);
    }

    static Column idList(String name, int maxLength) {
        return new Column(name, ColumnType.ID_LIST, false, false, maxLength, List.of(), null);
    }

    static Column code(String name, String... codes) {
        return new Column(name, ColumnType.CODE, false, false, 0, List.of(codes), null);
    }

    static Column of(String name, ColumnType type) {
        return new Column(name, type, false, false, 0, List.of(), null);
    }

    Column asRequired() {
        return new Column(name, type, true, key, maxLength, codes, references);
    }

    Column asKey() {
        return new Column(name, type, true, true, maxLength, codes, references);
    }

    /** The column as the records module writes it. */
    StoredColumn stored() {
        return new StoredColumn(name, type.stored(), key);
    }

    Column referencing(Reference target) {
        return new Column(name, type, required, key, maxLength, codes, target);
    }
}
