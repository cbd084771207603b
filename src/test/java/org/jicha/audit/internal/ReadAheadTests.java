package org.jicha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTests {

    @Test
    void everyBatchReachesTheConsumerInOrderIncludingTheLastOnesStillQueued() {
        List<Integer> consumed = new ArrayList<>();
        boolean whole = ReadAhead.<Integer>run(
                "t",
                2,
                sink -> {
                    for (int i = 0; i < 50; i++) {
                        if (!sink.test(i)) {
                            return false;
                        }
                    }
                    return true;
                },
                batch -> {
                    sleepQuietly(batch % 10 == 0 ? 5 : 0); // a slow consumer leaves batches waiting at the end
                    consumed.add(batch);
                    return true;
                });
        assertThat(whole).isTrue();
        assertThat(consumed).hasSize(50).isSorted().startsWith(0, 1, 2).endsWith(48, 49);
    }

    @Test
    void aConsumerSayingStopEndsTheProducerAfterTheBatchItReads() {
        AtomicInteger produced = new AtomicInteger();
        List<Integer> consumed = new ArrayList<>();
        boolean whole = ReadAhead.<Integer>run(
                "t",
                1,
                sink -> {
                    for (int i = 0; i < 1_000; i++) {
                        produced.incrementAndGet();
                        if (!sink.test(i)) {
                            return false;
                        }
                    }
                    return true;
                },
                batch -> {
                    consumed.add(batch);
                    return batch < 3;
                });
        assertThat(whole).isFalse();
        assertThat(consumed).containsExactly(0, 1, 2, 3);
        assertThat(produced.get())
                .as("the producer stops soon after, not at the end")
                .isLessThan(10);
    }

    /**
     * The stop must not lose the reader's end marker however the two threads interleave (an earlier version
     * emptied the queue after the marker had arrived and then waited for it forever): stop at every point of
     * a fast producer, many times, and require each call to come back with the reader finished.
     */
    @Test
    void stoppingNeverWaitsForeverWhateverTheInterleaving() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 2_000; round++) {
                int stopAfter = round % 7;
                AtomicInteger consumed = new AtomicInteger();
                Thread[] readerThread = new Thread[1];
                boolean whole = ReadAhead.<Integer>run(
                        "t",
                        1 + round % 3,
                        sink -> {
                            readerThread[0] = Thread.currentThread();
                            for (int i = 0; i < 8; i++) {
                                if (!sink.test(i)) {
                                    return false;
                                }
                            }
                            return true;
                        },
                        batch -> consumed.incrementAndGet() <= stopAfter);
                assertThat(whole).isFalse();
                assertThat(consumed.get()).isEqualTo(stopAfter + 1);
                assertThat(readerThread[0].isAlive())
                        .as("the reader has finished when run returns")
                        .isFalse();
            }
        });
    }

    @Test
    void aProducerFaultIsRethrownOnTheCallersThread() {
        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "t",
                        2,
                        sink -> {
                            sink.test(1);
                            throw new IllegalStateException("database gone");
                        },
                        batch -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database gone");
    }

    @Test
    void aConsumerFaultStopsTheProducerAndIsRethrown() {
        AtomicInteger produced = new AtomicInteger();
        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "t",
                        1,
                        sink -> {
                            for (int i = 0; i < 1_000; i++) {
                                produced.incrementAndGet();
                                if (!sink.test(i)) {
                                    return false;
                                }
                            }
                            return true;
                        },
                        batch -> {
                            throw new IllegalArgumentException("bad batch " + batch);
                        }))
                .hasMessage("bad batch 0");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
