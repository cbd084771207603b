package org.jicha.ingest.internal;

import java.util.List;
import org.jicha.ingest.Rejection;

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
                        column.name(),
                        key,
                        "notAStation",
                        key,
                        Rejection.MESSAGE_ARGUMENT + "code.unitType." + references.unitType(key)));
            case MISSING -> {
                ContractFile source = reference.producedBy();
                String noun = Rejection.MESSAGE_ARGUMENT + "load.reference." + reference.name();
                violations.add(
                        references.wasRejected(source)
                                ? new Violation(
                                        column.name(),
                                        key,
                                        "load.reason.unknownSourceRejected",
                                        List.of(noun, source.fileName()),
                                        source == file)
                                : new Violation(
                                        column.name(), key, "load.reason.unknown", List.of(noun), source == file));
            }
        }
    }
}
