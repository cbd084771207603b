package org.jicha.ingest;

/**
 * A batch brings more bytes than {@code jicha.ingest.max-extracted-bytes-per-batch} (HTTP 413): an upload whose
 * entries inflate past the limit (a zip bomb among them) is stopped there and nothing of it is kept.
 */
public class BatchTooLargeException extends InvalidBatchArchiveException {

    private final long limitBytes;

    public BatchTooLargeException(long limitBytes) {
        super("批次解压后超过单批上限 " + ByteCount.of(limitBytes) + "（jicha.ingest.max-extracted-bytes-per-batch），"
                + "已拒绝，未保存任何文件 / the batch extracts to more than the limit of " + ByteCount.of(limitBytes)
                + " per batch (jicha.ingest.max-extracted-bytes-per-batch): refused, nothing was kept");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
