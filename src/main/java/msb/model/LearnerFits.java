package msb.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs a stack's learner fits (walk-forward folds and the final learners) two at a time: Smile's learners on
 * a thread of their own, the LSTM's on the caller's thread, each kind one fit after another in submission
 * order. Every fit's rows and seed are fixed by its name before it starts, so the same seed gives the same
 * models whatever finishes first. Why not wider:
 * <ul>
 *   <li>Smile's fits seed a thread-local generator (GBM per fit, RF per tree on the common fork-join pool);
 *   a pool thread that steals another fit's task while it waits reseeds the generator under the first.</li>
 *   <li>LSTM fits seed PyTorch's one global generator before drawing their initial weights, so two at once
 *   would draw from each other's seed; they run one after another on the trainer's thread (any thread
 *   would do: {@link LstmModel} sets PyTorch's thread-local state on each thread it runs on).</li>
 * </ul>
 * Call {@link #runCallerFits()} after the last submission and before the first join ({@link msb.core.Parallel#join}).
 */
final class LearnerFits implements AutoCloseable {
    private final ExecutorService smile = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("msb-fit-smile-", 0).daemon(true).factory());
    private final List<FutureTask<?>> onCaller = new ArrayList<>();
    private final List<Future<?>> submitted = new ArrayList<>();

    <T> Future<T> submit(LearnerKind learner, Callable<T> fit) {
        Future<T> f;
        if (learner == LearnerKind.LSTM) {
            FutureTask<T> task = new FutureTask<>(fit);
            onCaller.add(task);
            f = task;
        } else {
            f = smile.submit(fit);
        }
        submitted.add(f);
        return f;
    }

    /** Runs the LSTM fits here, in order, while Smile's run on their thread; a failure is kept for its join. */
    void runCallerFits() {
        for (FutureTask<?> t : onCaller) t.run();
        onCaller.clear();
    }

    /** Stops fits not yet started and waits for a running one, so that nothing fits on after the trainer returns. */
    @Override
    public void close() {
        for (Future<?> f : submitted) f.cancel(false);
        smile.shutdown();
        try {
            smile.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
