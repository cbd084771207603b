package org.jicha.ingest.internal;

/**
 * One data row of a contract file: its physical line, the raw cells and the typed values, both indexed like
 * {@link ContractFile#columns()} (null where the cell is empty, the column is absent or the value did not parse).
 */
final class ParsedRow {

    private final ContractFile file;
    private final long line;
    private final String[] cells;
    private final Object[] values;

    ParsedRow(ContractFile file, long line, String[] cells, Object[] values) {
        this.file = file;
        this.line = line;
        this.cells = cells;
        this.values = values;
    }

    ContractFile file() {
        return file;
    }

    long line() {
        return line;
    }

    String cell(String column) {
        return cells[file.indexOf(column)];
    }

    Object value(String column) {
        return values[file.indexOf(column)];
    }

    Object value(int index) {
        return values[index];
    }

    String cell(int index) {
        return cells[index];
    }
}
