package org.jicha.ingest;

/**
 * A batch is bigger than allowed (HTTP 413): an upload whose entries inflate past
 * {@code jicha.ingest.max-extracted-bytes-per-batch} (a zip bomb among them) is stopped there, as is a zip longer
 * than {@code jicha.ingest.max-upload-size}; nothing of it is kept.
 */
public class BatchTooLargeException extends InvalidBatchArchiveException {

    private final String setting;
    private final long limitBytes;

    private BatchTooLargeException(String message, String setting, long limitBytes) {
        super(message);
        this.setting = setting;
        this.limitBytes = limitBytes;
    }

    /** The batch's files would hold more than the per-batch limit. */
    public static BatchTooLargeException extracted(long limitBytes) {
        String limit = ByteCount.of(limitBytes);
        return new BatchTooLargeException(
                "批次解压后超过单批上限 " + limit
                        + "（jicha.ingest.max-extracted-bytes-per-batch），已拒绝，未保存任何文件 / the batch extracts to more than "
                        + "the limit of " + limit
                        + " per batch (jicha.ingest.max-extracted-bytes-per-batch): refused, nothing was kept",
                "jicha.ingest.max-extracted-bytes-per-batch",
                limitBytes);
    }

    /** The uploaded zip itself is longer than allowed. */
    public static BatchTooLargeException upload(long limitBytes) {
        String limit = ByteCount.of(limitBytes);
        return new BatchTooLargeException(
                "上传的压缩包超过 " + limit + " 的上限（jicha.ingest.max-upload-size），已拒绝，"
                        + "未保存任何文件 / the uploaded zip is larger than the limit of " + limit
                        + " (jicha.ingest.max-upload-size): refused, nothing was kept",
                "jicha.ingest.max-upload-size",
                limitBytes);
    }

    /** The setting whose limit was passed. */
    public String setting() {
        return setting;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
