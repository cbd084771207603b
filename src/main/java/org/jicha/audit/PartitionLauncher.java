package org.jicha.audit;

/**
 * Hands one partition of a partitioned run to whichever node will run it: {@code schedule} implements it with
 * one recoverable Quartz job per partition. Called inside the transaction that records the partitions, so the
 * run, its partitions and their jobs are stored together or not at all.
 */
public interface PartitionLauncher {

    void launch(long runId, int partNo);
}
