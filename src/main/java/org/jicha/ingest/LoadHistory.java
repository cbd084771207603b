package org.jicha.ingest;

import org.jicha.ingest.internal.LoadRecordStore;
import org.springframework.stereotype.Service;

/** Reads the recorded loads: a page of summaries, or one load with its files and rejections. */
@Service
public class LoadHistory {

    static final int MAX_PAGE_SIZE = 200;

    private final LoadRecordStore records;

    LoadHistory(LoadRecordStore records) {
        this.records = records;
    }

    public LoadPage newestFirst(int page, int size) {
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        long total = records.count();
        return new LoadPage(records.newestFirst(safePage * safeSize, safeSize), safePage, safeSize, total,
                (int) ((total + safeSize - 1) / safeSize));
    }

    public LoadResult get(long id) {
        return records.find(id).orElseThrow(() -> new LoadNotFoundException(id));
    }
}
