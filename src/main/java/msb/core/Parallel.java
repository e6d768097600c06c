package msb.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Runs independent tasks on up to one thread per core and returns their results in task order. */
public final class Parallel {
    private Parallel() {}

    /**
     * Every task's result, in order. The first failing task's exception (in task order) is rethrown as is
     * when unchecked; the others still finish, so nothing is left half-written by an abandoned thread.
     */
    public static <T> List<T> all(List<Supplier<T>> tasks) {
        int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) return tasks.stream().map(Supplier::get).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "msb-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> task : tasks) futures.add(pool.submit(task::get));
            List<T> out = new ArrayList<>();
            RuntimeException first = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    // an Error (out of memory) stays one, so the CLI reports it as it does on the main thread
                    if (e.getCause() instanceof Error err) throw err;
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (first != null) throw first;
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The task's result; its own unchecked exception (a refusal) or Error (out of memory) as thrown, not wrapped,
     * so that the CLI reports it as it would on the calling thread.
     */
    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException("a task failed: " + c, c);
        }
    }
}
