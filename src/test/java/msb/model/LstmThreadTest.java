package msb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/**
 * The LSTM is the same model whichever thread fits it: the engine may be loaded on a background thread
 * (Training preloads it) and an LSTM may be fitted or run on any thread (LstmModel sets PyTorch's
 * thread-local state on each).
 */
class LstmThreadTest {
    private static final LstmOptions SMALL = new LstmOptions(4, 8, 2, 32, 5e-3);
    /** The same arithmetic on the same machine and engine: any difference is a different model. */
    private static final double SAME_MODEL_TOLERANCE = 1e-12;

    @Test
    void sameSeedGivesTheSameModelOnAFreshThreadAsOnTheCallersThread() throws Exception {
        int n = 300, p = 5;
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = r.nextGaussian();
            y[i] = r.nextInt(Labels.CLASSES);
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        Callable<double[][]> fitAndPredict = () -> {
            try (LstmModel m = LstmModel.fit(x, rows, y, SMALL, 42, true, e -> {})) {
                return m.predict(x, rows);
            }
        };
        double[][] here = fitAndPredict.call();
        FutureTask<double[][]> task = new FutureTask<>(fitAndPredict);
        Thread.ofPlatform().name("lstm-thread-test").start(task).join();
        double[][] there = task.get();
        for (int i = 0; i < n; i++) assertArrayEquals(here[i], there[i], SAME_MODEL_TOLERANCE, "row " + i);
    }
}
