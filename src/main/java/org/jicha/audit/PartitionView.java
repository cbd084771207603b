package org.jicha.audit;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One partition of a partitioned run as the API shows it: its key range ({@code orphans}: the applications
 * without a customer), where it is ({@code PENDING}, {@code RUNNING}, {@code DONE}, {@code FAILED}), the node
 * (Quartz instance id) that claimed it last and how many times it was claimed (more than once: recovered).
 */
record PartitionView(
        int partNo,
        String firstKey,
        String lastKey,
        boolean orphans,
        String status,
        String node,
        int attempts,
        String lastKeyDone,
        long subjects,
        long findings,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        String message) {

    static List<PartitionView> of(JdbcTemplate jdbc, long runId) {
        return jdbc.query(
                "SELECT * FROM audit_run_partitions WHERE run_id = ? ORDER BY part_no",
                (rs, i) -> new PartitionView(
                        rs.getInt("part_no"),
                        rs.getString("first_key"),
                        rs.getString("last_key"),
                        rs.getBoolean("orphans"),
                        rs.getString("status"),
                        rs.getString("node"),
                        rs.getInt("attempts"),
                        rs.getString("last_key_done"),
                        rs.getLong("subjects"),
                        rs.getLong("findings"),
                        time(rs.getTimestamp("started_at")),
                        time(rs.getTimestamp("finished_at")),
                        rs.getString("message")),
                runId);
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
