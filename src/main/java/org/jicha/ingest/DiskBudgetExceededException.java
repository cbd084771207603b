package org.jicha.ingest;

/**
 * Storing a batch would pass the disk budget ({@code jicha.ingest.disk-budget}: archive, failed batches and
 * uploads being extracted) or leave less than {@code jicha.ingest.min-free-space} free on the volume (HTTP 507).
 * Nothing of the batch is kept; an inbox batch stays in the inbox for the next night.
 */
public class DiskBudgetExceededException extends RuntimeException {

    private final String setting;
    private final long limitBytes;

    private DiskBudgetExceededException(String message, String setting, long limitBytes) {
        super(message);
        this.setting = setting;
        this.limitBytes = limitBytes;
    }

    /** Archive, failed batches and uploads already use {@code usedBytes}; {@code moreBytes} would pass the budget. */
    public static DiskBudgetExceededException budget(long budgetBytes, long usedBytes, long moreBytes) {
        String budget = ByteCount.of(budgetBytes);
        return new DiskBudgetExceededException(
                "磁盘预算不足：归档、失败批次和上传已占用 " + ByteCount.of(usedBytes)
                        + "，再加此批次的 " + ByteCount.of(moreBytes) + " 将超过 " + budget
                        + "（jicha.ingest.disk-budget），已拒绝，未保存任何文件；请清理归档或提高预算 / the disk budget of " + budget
                        + " (jicha.ingest.disk-budget) would be passed: archive, failed batches and uploads use "
                        + ByteCount.of(usedBytes) + ", this batch brings " + ByteCount.of(moreBytes)
                        + "; refused, nothing was kept. Free the archive or raise the budget",
                "jicha.ingest.disk-budget",
                budgetBytes);
    }

    /** Only {@code freeBytes} are free on the volume, less than {@code minFreeBytes} would stay. */
    public static DiskBudgetExceededException diskFull(long minFreeBytes, long freeBytes) {
        String min = ByteCount.of(minFreeBytes);
        return new DiskBudgetExceededException(
                "磁盘将满：剩余 " + ByteCount.of(freeBytes) + "，至少需保留 " + min
                        + "（jicha.ingest.min-free-space），已拒绝，未保存任何文件 / the disk is nearly full: "
                        + ByteCount.of(freeBytes) + " free, at least " + min
                        + " must stay free (jicha.ingest.min-free-space); refused, nothing was kept",
                "jicha.ingest.min-free-space",
                minFreeBytes);
    }

    /** The setting whose limit was reached. */
    public String setting() {
        return setting;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
