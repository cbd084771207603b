package org.jicha.ingest.internal;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the data rows of one contract file against its header: finds each contract column in the header
 * (column order is free, names are matched case-insensitively), notes missing and unknown columns, and turns
 * each record into a {@link ParsedRow}, collecting the cells that are missing or do not parse.
 */
final class RowReader {

    private final ContractFile file;
    private final int headerSize;
    /** For each contract column, its position in the header, or -1 when absent. */
    private final int[] positions;

    private final List<String> missingRequired = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final Set<String> duplicates = new LinkedHashSet<>();

    RowReader(ContractFile file, List<String> header) {
        this.file = file;
        this.headerSize = header.size();
        this.positions = new int[file.columns().size()];
        Arrays.fill(positions, -1);
        Set<String> seen = new LinkedHashSet<>();
        for (int position = 0; position < header.size(); position++) {
            String name = header.get(position).strip().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                duplicates.add(name);
                continue;
            }
            int index = file.columns().stream().map(Column::name).toList().indexOf(name);
            if (index < 0) {
                unknown.add(name.isEmpty() ? "(blank)" : name);
            } else {
                positions[index] = position;
            }
        }
        for (int i = 0; i < positions.length; i++) {
            Column column = file.columns().get(i);
            if (positions[i] < 0 && column.required()) {
                missingRequired.add(column.name());
            }
        }
    }

    List<String> missingRequiredColumns() {
        return missingRequired;
    }

    List<String> unknownColumns() {
        return unknown;
    }

    Set<String> duplicateColumns() {
        return duplicates;
    }

    /** The contract columns the header holds, in contract order. */
    List<Column> presentColumns() {
        List<Column> present = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                present.add(file.columns().get(i));
            }
        }
        return present;
    }

    ParsedRow read(CsvRecord record, List<Violation> violations) {
        int columnCount = positions.length;
        String[] cells = new String[columnCount];
        Object[] values = new Object[columnCount];
        if (record.getFieldCount() != headerSize) {
            violations.add(Violation.of(
                    null, null, "fieldCount", String.valueOf(record.getFieldCount()), String.valueOf(headerSize)));
            return new ParsedRow(file, record.getStartingLineNumber(), cells, values);
        }
        for (int i = 0; i < columnCount; i++) {
            Column column = file.columns().get(i);
            String cell = positions[i] < 0 ? null : record.getField(positions[i]);
            if (cell == null || cell.isBlank()) {
                if (column.required()) {
                    violations.add(Violation.of(column.name(), cell == null ? "" : cell, "required"));
                }
                continue;
            }
            cells[i] = cell;
            Object value = CellParser.parse(file, column, cell);
            if (value instanceof CellParser.Invalid invalid) {
                violations.add(Violation.of(column.name(), cell, invalid.reasonKey(), invalid.arguments()));
            } else {
                values[i] = value;
            }
        }
        return new ParsedRow(file, record.getStartingLineNumber(), cells, values);
    }
}
