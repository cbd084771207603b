package org.jicha.ingest.internal;

import java.util.List;

/**
 * Applies the row rules that need more than one cell: references (to stored records or records accepted
 * earlier in the batch) and the file's own {@link RowPolicy policies}.
 */
final class RowValidator {

    private RowValidator() {}

    static void validate(ParsedRow row, RowContext context, List<Violation> violations) {
        List<Column> columns = row.file().columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String key = row.cell(i);
            if (column.references() == null || key == null || row.value(i) == null) {
                continue;
            }
            checkReference(row.file(), column, key, context.references(), violations);
        }
        for (RowPolicy policy : row.file().policies()) {
            policy.check(row, context).ifPresent(violations::add);
        }
    }

    private static void checkReference(
            ContractFile file, Column column, String key, ReferenceIndex references, List<Violation> violations) {
        Reference reference = column.references();
        switch (references.resolve(reference, key)) {
            case FOUND -> {}
            case NOT_A_STATION ->
                violations.add(Violation.of(
                        column.name(), key, "unit " + key + " is a " + references.unitType(key) + ", not a STATION"));
            case MISSING -> {
                ContractFile source = reference.producedBy();
                String reason = references.wasRejected(source)
                        ? "unknown " + reference.noun() + ": not stored, and " + source.fileName()
                                + " of this batch was rejected"
                        : "unknown " + reference.noun() + ": not stored and not accepted from this batch";
                violations.add(new Violation(column.name(), key, reason, source == file));
            }
        }
    }
}
