package msb.live;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes a runner's checkpoints durable: forces the event log to disk, then writes the state that names its
 * length (serialised, written to a temp file, forced, renamed over state.json). A max-speed replay hands its
 * periodic checkpoints to one background thread, so the bar loop does not stop for the fsyncs and the state's
 * serialisation; every other checkpoint is made on the caller's thread before it goes on.
 *
 * <p>Crash safety is the same either way: one checkpoint at a time and in order (a new one first waits for the
 * one in flight), and the state is renamed into place only after the events it counts are durable. A kill
 * before that leaves the previous checkpoint, which resume handles as always (the log is cut back to its
 * length and the bars after it are processed again). A failed background checkpoint is thrown by the next
 * checkpoint, at the latest by the one that ends the run.
 */
final class CheckpointWriter {
    /** One checkpoint's work: force the log, then write the state. */
    @FunctionalInterface
    interface Job {
        void run();
    }

    private final String threadName;
    private ExecutorService background;
    private Future<?> inFlight;

    CheckpointWriter(String threadName) { this.threadName = threadName; }

    /** Runs {@code job} in the background, or here and now when {@code wait}; returns once it may go on. */
    void submit(Job job, boolean wait) {
        await();
        if (wait) {
            job.run();
            return;
        }
        if (background == null) {
            background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true); // a run always awaits its checkpoints; a stray thread must never keep the JVM up
                return t;
            });
        }
        inFlight = background.submit(job::run);
    }

    /** Waits for the checkpoint in flight; its failure is thrown here as it would have been on the caller's thread. */
    void await() {
        if (inFlight == null) return;
        Future<?> f = inFlight;
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the checkpoint must end before the log it forces is closed
                }
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause()); // a Job throws nothing checked
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the checkpoint in flight and stops the thread. Its failure is not thrown here: this runs while the
     * run ends, normally after a waited-for final checkpoint (which threw it), else while another failure unwinds.
     */
    void close() {
        try {
            await();
        } catch (RuntimeException | Error e) {
            // reported by the final checkpoint, or superseded by the failure being unwound
        } finally {
            if (background != null) background.shutdown();
            background = null;
        }
    }
}
