package org.jicha.ingest;

import java.time.LocalDateTime;
import org.jicha.ingest.internal.LoadRecordStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the recorded loads: a page of summaries, or one load with its files and rejections. */
@Service
public class LoadHistory {

    static final int MAX_PAGE_SIZE = 200;
    /** The last page number asked for: with at most {@value #MAX_PAGE_SIZE} per page the offset stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final LoadRecordStore records;
    private final JdbcTemplate jdbc;

    LoadHistory(LoadRecordStore records, JdbcTemplate jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    /**
     * The last load finished before now with no load still running before it: every row of it and of the loads
     * before is committed. An audit run records it, so the next incremental run knows which loads came after.
     */
    public long loadsFinished() {
        Long running = jdbc.queryForObject("SELECT MIN(id) FROM load_batches WHERE finished_at IS NULL", Long.class);
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM load_batches", Long.class);
        long through = last == null ? 0 : last;
        return running == null ? through : Math.min(through, running - 1);
    }

    /** When the first load after load {@code loadsThrough} started, on the loader's clock; null: none since. */
    public LocalDateTime startOfLoadsAfter(long loadsThrough) {
        return jdbc.queryForObject(
                "SELECT MIN(started_at) FROM load_batches WHERE id > ?", LocalDateTime.class, loadsThrough);
    }

    /** A page of the loads; a page number or size out of range is brought into range. */
    public LoadPage newestFirst(int page, int size) {
        int safePage = Math.min(Math.max(0, page), MAX_PAGE);
        int safeSize = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        long total = records.count();
        return new LoadPage(records.newestFirst(safePage * safeSize, safeSize), safePage, safeSize, total, (int)
                ((total + safeSize - 1) / safeSize));
    }

    public LoadResult get(long id) {
        return records.find(id).orElseThrow(() -> new LoadNotFoundException(id));
    }
}
