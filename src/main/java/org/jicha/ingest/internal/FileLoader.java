package org.jicha.ingest.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jicha.ingest.FileResult;
import org.jicha.ingest.FileStatus;
import org.jicha.ingest.LoadProgress;
import org.jicha.ingest.Rejection;
import org.jicha.records.RecordWriter;
import org.jicha.records.RepeatedKeyException;
import org.jicha.records.StoredColumn;
import org.jicha.records.TableUpsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one file of a batch: checks the file as a whole (known name, decodable, header with every required
 * column), then streams its rows, rejecting those that break a row rule and writing the others through the
 * records module's upsert, all in one transaction: every accepted row of the file is stored, or none is.
 */
@Component
public class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    private final RecordWriter writer;
    private final TransactionTemplate transactions;

    public FileLoader(RecordWriter writer, PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public FileResult load(Path path, BatchSession session) {
        String name = path.getFileName().toString();
        Optional<ContractFile> contractFile = ContractFile.byFileName(name);
        if (contractFile.isEmpty()) {
            return FileResult.rejected(
                    name, null, "unknown file name; expected one of " + String.join(", ", ContractFile.fileNames()));
        }
        ContractFile file = contractFile.get();
        long began = System.nanoTime();
        FileResult result;
        try {
            result = load(file, path, session, true);
        } catch (RepeatedKeyException e) {
            // the file went straight into an empty table and a key repeated: nothing of it was kept; again, the upsert
            // way
            log.info("{}: a key repeats in the file, so it is written again through the upsert", name);
            result = load(file, path, session, false);
        }
        result = result.took((System.nanoTime() - began) / 1_000_000);
        if (result.status() == FileStatus.REJECTED) {
            session.references().markRejected(file);
        }
        log.info(
                "{}: {} ({} read, {} accepted, {} rejected, {} ms){}",
                name,
                result.status(),
                result.rowsRead(),
                result.rowsAccepted(),
                result.rowsRejected(),
                result.millis(),
                result.fault() == null ? "" : ": " + result.fault());
        return result;
    }

    private FileResult load(ContractFile file, Path path, BatchSession session, boolean straightIntoEmpty) {
        Charset charset;
        try {
            Optional<Charset> detected = EncodingDetector.detect(path);
            if (detected.isEmpty()) {
                return FileResult.rejected(
                        file.fileName(), null, "undecodable bytes: the file is neither valid UTF-8 nor GB18030");
            }
            charset = detected.get();
        } catch (IOException e) {
            return FileResult.rejected(file.fileName(), null, "could not read the file: " + e.getMessage());
        }
        String encoding = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GB18030";
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(charset.equals(StandardCharsets.UTF_8));
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(path));
                CsvReader<CsvRecord> csv = builder.ofCsvRecord(bytes, charset)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                return FileResult.rejected(file.fileName(), encoding, "empty file: no header row");
            }
            RowReader reader = new RowReader(file, records.next().getFields());
            if (!reader.missingRequiredColumns().isEmpty()) {
                return FileResult.rejected(
                        file.fileName(),
                        encoding,
                        "missing required column(s): " + String.join(", ", reader.missingRequiredColumns()));
            }
            if (!reader.duplicateColumns().isEmpty()) {
                return FileResult.rejected(
                        file.fileName(),
                        encoding,
                        "duplicate column(s) in header: " + String.join(", ", reader.duplicateColumns()));
            }
            List<String> warnings = new ArrayList<>();
            if (!reader.unknownColumns().isEmpty()) {
                warnings.add("ignored unknown column(s): " + String.join(", ", reader.unknownColumns()));
            }
            return store(file, encoding, records, reader, warnings, session, bytes, straightIntoEmpty);
        } catch (IOException | UncheckedIOException e) {
            return FileResult.rejected(file.fileName(), encoding, "could not read the file: " + e.getMessage());
        } catch (CsvParseException e) {
            return FileResult.rejected(file.fileName(), encoding, "malformed CSV: " + e.getMessage());
        }
    }

    private FileResult store(
            ContractFile file,
            String encoding,
            Iterator<CsvRecord> records,
            RowReader reader,
            List<String> warnings,
            BatchSession session,
            CountingInputStream bytes,
            boolean straightIntoEmpty) {
        Tally tally = new Tally(file.fileName(), session.maxRejectionsPerFile());
        try {
            session.references().prepareFor(file);
            transactions.executeWithoutResult(status -> {
                List<Column> present = reader.presentColumns();
                List<StoredColumn> stored = present.stream().map(Column::stored).toList();
                try (TableUpsert upsert = writer.upsert(
                        file.table(), stored, session.changedAt(), session.jdbcBatchSize(), straightIntoEmpty)) {
                    Rows rows = new Rows(upsert, session, tally, valueIndexes(file, present));
                    List<Violation> violations = new ArrayList<>();
                    while (records.hasNext()) {
                        violations.clear();
                        ParsedRow row = reader.read(records.next(), violations);
                        if (++tally.rowsRead % LoadProgress.EVERY_ROWS == 0) {
                            session.read(file.fileName(), tally.rowsRead, false, bytes.count());
                        }
                        RowValidator.validate(row, session.rowContext(), violations);
                        rows.offer(row, violations);
                    }
                    rows.finish();
                }
            });
            session.references().commitStaged();
            session.read(file.fileName(), tally.rowsRead, true, bytes.count());
        } catch (RuntimeException e) {
            session.references().discardStaged();
            if (!(e instanceof DataAccessException) && !(e instanceof TransactionException)) {
                throw e;
            }
            String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            return new FileResult(
                    file.fileName(),
                    encoding,
                    FileStatus.REJECTED,
                    tally.rowsRead,
                    0,
                    tally.rowsRejected,
                    "storing failed, so no row of this file was stored: " + cause,
                    warnings,
                    tally.kept,
                    0);
        }
        if (tally.truncated) {
            warnings.add("only the first " + tally.kept.size() + " rejections are listed; " + tally.rowsRejected
                    + " rows were rejected");
        }
        return new FileResult(
                file.fileName(),
                encoding,
                FileStatus.LOADED,
                tally.rowsRead,
                tally.rowsAccepted,
                tally.rowsRejected,
                null,
                warnings,
                tally.kept,
                0);
    }

    /** Where each of the header's columns sits in a parsed row. */
    private static int[] valueIndexes(ContractFile file, List<Column> present) {
        return present.stream().mapToInt(c -> file.indexOf(c.name())).toArray();
    }

    /** The accepted rows on their way to the database, and the rows that wait for a later row of their file. */
    private final class Rows {

        private final TableUpsert upsert;
        private final BatchSession session;
        private final Tally tally;
        private final int[] valueIndexes;
        private final List<ParsedRow> waiting = new ArrayList<>();

        Rows(TableUpsert upsert, BatchSession session, Tally tally, int[] valueIndexes) {
            this.upsert = upsert;
            this.session = session;
            this.tally = tally;
            this.valueIndexes = valueIndexes;
        }

        void offer(ParsedRow row, List<Violation> violations) {
            if (violations.isEmpty()) {
                accept(row);
            } else if (violations.stream().allMatch(Violation::laterRowMayResolve)) {
                waiting.add(row);
            } else {
                tally.reject(row.line(), violations);
            }
        }

        /** Retries the rows that waited (a unit whose parent came later) until no more resolve, then flushes. */
        void finish() {
            boolean progress = true;
            List<Violation> violations = new ArrayList<>();
            while (progress && !waiting.isEmpty()) {
                progress = false;
                for (Iterator<ParsedRow> it = waiting.iterator(); it.hasNext(); ) {
                    ParsedRow row = it.next();
                    violations.clear();
                    RowValidator.validate(row, session.rowContext(), violations);
                    if (violations.isEmpty()) {
                        accept(row);
                        it.remove();
                        progress = true;
                    }
                }
            }
            for (ParsedRow row : waiting) {
                violations.clear();
                RowValidator.validate(row, session.rowContext(), violations);
                tally.reject(row.line(), violations);
            }
            upsert.finish();
        }

        private void accept(ParsedRow row) {
            session.references().stage(row);
            Object[] values = new Object[valueIndexes.length];
            for (int i = 0; i < valueIndexes.length; i++) {
                values[i] = row.value(valueIndexes[i]);
            }
            upsert.add(values);
            tally.rowsAccepted++;
        }
    }

    /** Counts of one file, and the first rejections (memory stays bounded however bad the file is). */
    private static final class Tally {

        private final String fileName;
        private final int keep;
        private final List<Rejection> kept = new ArrayList<>();
        private long rowsRead;
        private long rowsAccepted;
        private long rowsRejected;
        private boolean truncated;

        Tally(String fileName, int keep) {
            this.fileName = fileName;
            this.keep = keep;
        }

        void reject(long line, List<Violation> violations) {
            rowsRejected++;
            for (Violation violation : violations) {
                if (kept.size() >= keep) {
                    truncated = true;
                } else {
                    kept.add(Rejection.of(
                            fileName,
                            line,
                            violation.column(),
                            violation.value(),
                            violation.reasonKey(),
                            violation.arguments()));
                }
            }
        }
    }
}
