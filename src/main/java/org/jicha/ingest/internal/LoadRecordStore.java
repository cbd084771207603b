package org.jicha.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jicha.ingest.FileResult;
import org.jicha.ingest.FileStatus;
import org.jicha.ingest.IgnoredEntry;
import org.jicha.ingest.LoadResult;
import org.jicha.ingest.LoadStatus;
import org.jicha.ingest.LoadSummary;
import org.jicha.ingest.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads the load records: load_batches, load_files, load_rejections and load_ignored. Texts are
 * clipped to their column sizes so that a long fault message can never make recording the load fail.
 */
@Repository
public class LoadRecordStore {

    private static final String SUMMARY_COLUMNS = "id, batch_name, status, files_loaded, files_failed, "
            + "rows_accepted, rows_rejected, started_at, finished_at";
    private static final int REJECTION_BATCH = 1000;

    /** Between the arguments of a rejection's reason in {@code load_rejections.reason_args} (a control character). */
    private static final String ARGUMENT_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;

    public LoadRecordStore(JdbcClient jdbc, JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    public long start(String batchName, String sourcePath, LocalDateTime startedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO load_batches (batch_name, source_path, started_at, status) VALUES (?, ?, ?, ?)")
                .params(clip(batchName, 200), clip(sourcePath, 1000), startedAt, LoadStatus.RUNNING.name())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Records the files of a finished load and its totals, in one transaction. */
    @Transactional
    public void finish(LoadResult load) {
        for (FileResult file : load.files()) {
            recordFile(load.id(), file);
        }
        if (!load.ignored().isEmpty()) {
            batchJdbc.batchUpdate(
                    "INSERT INTO load_ignored (load_id, entry_name, size_bytes) VALUES (?, ?, ?)",
                    load.ignored().stream()
                            .map(e -> new Object[] {load.id(), clip(e.name(), 500), e.sizeBytes()})
                            .toList(),
                    new int[] {Types.BIGINT, Types.VARCHAR, Types.BIGINT});
        }
        jdbc.sql("""
                        UPDATE load_batches SET finished_at = ?, status = ?, message = ?, files_loaded = ?,
                          files_failed = ?, rows_accepted = ?, rows_rejected = ?, report_path = ? WHERE id = ?""")
                .params(
                        load.finishedAt(),
                        load.status().name(),
                        clip(load.message(), 2000),
                        load.filesLoaded(),
                        load.filesFailed(),
                        load.rowsAccepted(),
                        load.rowsRejected(),
                        clip(load.reportPath(), 1000),
                        load.id())
                .update();
    }

    public void setReportPath(long loadId, String reportPath) {
        jdbc.sql("UPDATE load_batches SET report_path = ? WHERE id = ?")
                .params(clip(reportPath, 1000), loadId)
                .update();
    }

    public List<LoadSummary> newestFirst(int offset, int limit) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM load_batches ORDER BY id DESC "
                        + "OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(offset, limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM load_batches").query(Long.class).single();
    }

    public Optional<LoadResult> find(long id) {
        return jdbc.sql("SELECT * FROM load_batches WHERE id = ?")
                .param(id)
                .query((rs, n) -> new LoadResult(
                        rs.getLong("id"),
                        rs.getString("batch_name"),
                        rs.getString("source_path"),
                        LoadStatus.valueOf(rs.getString("status")),
                        time(rs, "started_at"),
                        time(rs, "finished_at"),
                        rs.getString("message"),
                        rs.getInt("files_loaded"),
                        rs.getInt("files_failed"),
                        rs.getLong("rows_accepted"),
                        rs.getLong("rows_rejected"),
                        rs.getString("report_path"),
                        files(id),
                        ignored(id)))
                .optional();
    }

    private List<IgnoredEntry> ignored(long loadId) {
        return jdbc.sql("SELECT entry_name, size_bytes FROM load_ignored WHERE load_id = ? ORDER BY id")
                .param(loadId)
                .query((rs, n) -> new IgnoredEntry(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private void recordFile(long loadId, FileResult file) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO load_files (load_id, file_name, encoding, status, rows_read, rows_accepted,
                          rows_rejected, fault, warnings, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        loadId,
                        clip(file.fileName(), 200),
                        file.encoding(),
                        file.status().name(),
                        file.rowsRead(),
                        file.rowsAccepted(),
                        file.rowsRejected(),
                        clip(file.fault(), 2000),
                        clip(file.warnings().isEmpty() ? null : String.join("\n", file.warnings()), 2000),
                        file.millis())
                .update(keys, "id");
        long fileId = keys.getKeyAs(Number.class).longValue();
        List<Rejection> rejections = file.rejections();
        for (int from = 0; from < rejections.size(); from += REJECTION_BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (Rejection r : rejections.subList(from, Math.min(rejections.size(), from + REJECTION_BATCH))) {
                rows.add(new Object[] {
                    fileId,
                    r.line(),
                    clip(r.column(), 100),
                    clip(r.value(), 1000),
                    clip(r.reason(), 1000),
                    r.reasonKey(),
                    clip(String.join(ARGUMENT_SEPARATOR, r.reasonArguments()), 1000)
                });
            }
            batchJdbc.batchUpdate(
                    "INSERT INTO load_rejections (load_file_id, line_no, column_name, cell_value, "
                            + "reason, reason_key, reason_args) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                    new int[] {
                        Types.BIGINT,
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR
                    });
        }
    }

    private List<FileResult> files(long loadId) {
        Map<Long, List<Rejection>> rejections = new HashMap<>();
        List<Long> fileIds = new ArrayList<>();
        List<FileResult> files = jdbc.sql("SELECT * FROM load_files WHERE load_id = ? ORDER BY id")
                .param(loadId)
                .query((rs, n) -> {
                    fileIds.add(rs.getLong("id"));
                    return fileWithoutRejections(rs);
                })
                .list();
        jdbc.sql("""
                        SELECT r.load_file_id, f.file_name, r.line_no, r.column_name, r.cell_value, r.reason,
                            r.reason_key, r.reason_args
                        FROM load_rejections r JOIN load_files f ON f.id = r.load_file_id
                        WHERE f.load_id = ? ORDER BY r.id""").param(loadId).query(rs -> {
            rejections
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Rejection(
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            arguments(rs.getString(8))));
        });
        List<FileResult> withRejections = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileResult f = files.get(i);
            withRejections.add(new FileResult(
                    f.fileName(),
                    f.encoding(),
                    f.status(),
                    f.rowsRead(),
                    f.rowsAccepted(),
                    f.rowsRejected(),
                    f.fault(),
                    f.warnings(),
                    rejections.getOrDefault(fileIds.get(i), List.of()),
                    f.millis()));
        }
        return withRejections;
    }

    private static FileResult fileWithoutRejections(ResultSet rs) throws SQLException {
        String warnings = rs.getString("warnings");
        return new FileResult(
                rs.getString("file_name"),
                rs.getString("encoding"),
                FileStatus.valueOf(rs.getString("status")),
                rs.getLong("rows_read"),
                rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"),
                rs.getString("fault"),
                warnings == null ? List.of() : Arrays.asList(warnings.split("\n")),
                List.of(),
                rs.getLong("millis"));
    }

    private static LoadSummary summary(ResultSet rs) throws SQLException {
        return new LoadSummary(
                rs.getLong("id"),
                rs.getString("batch_name"),
                LoadStatus.valueOf(rs.getString("status")),
                rs.getInt("files_loaded"),
                rs.getInt("files_failed"),
                rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"),
                time(rs, "started_at"),
                time(rs, "finished_at"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private static List<String> arguments(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(ARGUMENT_SEPARATOR, -1));
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
