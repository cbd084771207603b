package org.jicha.ingest;

import org.jicha.ingest.internal.LoadRecordStore;
import org.springframework.stereotype.Service;

/** Reads the recorded loads: a page of summaries, or one load with its files and rejections. */
@Service
public class LoadHistory {

    static final int MAX_PAGE_SIZE = 200;
    /** The last page number asked for: with at most {@value #MAX_PAGE_SIZE} per page the offset stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final LoadRecordStore records;

    LoadHistory(LoadRecordStore records) {
        this.records = records;
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
