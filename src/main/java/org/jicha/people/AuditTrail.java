package org.jicha.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jicha.config.PeopleZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail (操作日志): sign-ins, rule reloads, ticket transitions, user changes. Written in the
 * caller's transaction, so an action that rolls back leaves no entry.
 */
@Service
public class AuditTrail {

    private static final int DETAIL_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Entries are stamped with the time of day in the people's zone ({@code jicha.schedule.zone}). */
    public AuditTrail(JdbcTemplate jdbc, Clock clock, PeopleZone zone) {
        this.jdbc = jdbc;
        this.clock = clock.withZone(zone.zone());
    }

    public void record(String actor, String action, String target, String detail) {
        String d = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
        jdbc.update(
                "INSERT INTO audit_trail (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.valueOf(LocalDateTime.now(clock)),
                actor,
                action,
                target,
                d);
    }

    /** The latest entries, newest first, optionally of one actor or one action. */
    public List<TrailEntry> latest(String actor, String action, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT id, at, actor, action, target, detail FROM audit_trail WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ")
                .append(Math.max(1, Math.min(limit, 1000)))
                .append(" ROWS ONLY");
        return jdbc.query(
                sql.toString(),
                (rs, i) -> new TrailEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toLocalDateTime(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")),
                args.toArray());
    }

    public record TrailEntry(long id, LocalDateTime at, String actor, String action, String target, String detail) {}
}
