package cn.rdfund.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Clients working at once, as several users in Tasklist: runs items 0 … n-1, each on one of the threads. */
public final class ClientThreads {

    private ClientThreads() {
    }

    /** Runs every item and answers how long it took from the first start to the last end; a failed item fails all. */
    public static Duration run(int threads, int items, IntConsumer item) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                int index = i;
                running.add(executor.submit(() -> item.accept(index)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A client failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            executor.shutdownNow();
        }
    }
}
