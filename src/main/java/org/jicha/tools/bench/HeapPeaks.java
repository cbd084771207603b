package org.jicha.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of a phase: the sum over the heap's memory pools of their peak use since {@link #reset()}. Each pool
 * peaks at its own moment, so the sum is an upper bound of the heap in use at any one time; it is what the pools
 * had to hold, under the {@code -Xmx} in force ({@link #maxBytes()}).
 */
final class HeapPeaks {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    /**
     * Collects garbage (so the previous phase's leftovers do not count as this phase's), then makes each pool's
     * current use its peak.
     */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peak use since the last {@link #reset()}, in bytes. */
    long peakBytes() {
        return heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** The most heap this JVM may use: {@code -Xmx}. */
    static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
