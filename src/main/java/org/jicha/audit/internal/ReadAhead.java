package org.jicha.audit.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads the next batch while the current one is evaluated: the producer (the record reader) runs on a thread
 * of its own and hands batches through a small bounded queue to the consumer, which runs on the caller's
 * thread (so its transactions stay the caller's). Order is kept; at most {@code depth} batches wait, so memory
 * stays bounded. On a 2-core machine reading (JDBC, and for embedded H2 the query work itself) and evaluating
 * (assembling facts, Drools, writing findings) then overlap instead of taking turns.
 *
 * <p>The consumer stopping (returns false) stops the producer after the batch it is reading; an exception on
 * either side ends both and is rethrown on the caller's thread.
 */
public final class ReadAhead {

    private static final Object END = new Object();

    private ReadAhead() {}

    /** Produces batches; calls the sink with each and stops when the sink answers false. */
    @FunctionalInterface
    public interface Producer<T> {
        boolean produce(Predicate<T> sink);
    }

    /**
     * Runs {@code producer} on a reader thread and {@code consumer} on this one.
     *
     * @return true if every batch was produced and consumed, false if the consumer stopped early
     */
    public static <T> boolean run(String name, int depth, Producer<T> producer, Predicate<T> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        Failure failure = new Failure();
        Thread reader = new Thread(
                () -> {
                    try {
                        producer.produce(batch -> offer(queue, batch, failure) && !failure.stopped);
                    } catch (Throwable t) {
                        failure.thrown = t;
                        queue.clear(); // batches read before the fault are not evaluated
                    } finally {
                        offer(queue, END, failure);
                    }
                },
                name);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    rethrow(failure.thrown);
                    return true;
                }
                @SuppressWarnings("unchecked")
                T batch = (T) item;
                if (!consumer.test(batch)) {
                    stop(reader, queue, failure);
                    rethrow(failure.thrown);
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.stopped = true;
            throw new IllegalStateException("读取线程被中断 / interrupted while waiting for the next batch", e);
        } finally {
            if (reader.isAlive()) {
                stop(reader, queue, failure);
            }
        }
    }

    /** Hands an item over, or gives up once the consumer has stopped (it no longer reads the queue). */
    private static boolean offer(BlockingQueue<Object> queue, Object item, Failure failure) {
        try {
            while (!failure.stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Tells the reader to stop and waits until it has: it returns from its next offer (a batch read is
     * dropped), so its database connection is given back before the caller closes the run. The queue is
     * emptied while waiting so an offer never blocks for long. The wait is bounded by the reader's current
     * read, which the caller cannot shorten anyway.
     */
    private static void stop(Thread reader, BlockingQueue<Object> queue, Failure failure) {
        failure.stopped = true;
        boolean interrupted = Thread.interrupted();
        while (reader.isAlive()) {
            queue.clear();
            try {
                reader.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static final class Failure {
        volatile boolean stopped;
        volatile Throwable thrown;
    }
}
