package msb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import msb.core.Timeframe;
import msb.dataset.Dataset;
import msb.dataset.Split;

/**
 * A seeded dataset of the real width (17 features) with a weak learnable signal, for the training
 * benchmark when no real dataset is at hand. Splits 60/20/20 with purge and embargo like the real ones.
 */
public final class SyntheticDataset {
    private SyntheticDataset() {}

    public static Dataset make(Timeframe tf, int rows, long seed) {
        int p = 17;
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) cols.add("f" + j);
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ts = new long[rows];
        double[][] x = new double[rows][p];
        int[] label = new int[rows];
        Split[] split = new Split[rows];
        double[] close = new double[rows], fwd = new double[rows];
        int trainEnd = (int) (rows * 0.6), valStart = trainEnd + 13, valEnd = (int) (rows * 0.8);
        double price = 30_000;
        for (int i = 0; i < rows; i++) {
            ts[i] = 1_500_000_000L + i * tf.seconds();
            for (int j = 0; j < p; j++) x[i][j] = gauss(rnd);
            double latent = 0.4 * x[i][0] - 0.3 * x[i][1] * x[i][2] + gauss(rnd);
            label[i] = latent > 0.45 ? 1 : latent < -0.45 ? -1 : 0;
            fwd[i] = latent * 0.005;
            price *= 1 + fwd[i];
            close[i] = price;
            split[i] = i < trainEnd ? Split.TRAIN : i == trainEnd ? Split.PURGED : i < valStart ? Split.EMBARGO
                    : i < valEnd ? Split.VAL : i == valEnd ? Split.PURGED : i < valEnd + 13 ? Split.EMBARGO : Split.TEST;
        }
        return new Dataset(tf, "BTC", cols, "synthetic-bench", ts, x, label, split, close, fwd, "synthetic-" + seed);
    }

    private static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
