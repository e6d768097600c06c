package msb.model;

import java.util.List;
import java.util.SplittableRandom;
import msb.core.Timeframe;
import msb.dataset.Dataset;
import msb.dataset.Split;

/** Seeded synthetic datasets with a learnable signal, for fast tests. */
public final class SyntheticDatasets {
    private SyntheticDatasets() {}

    public static final List<String> COLUMNS = List.of("ret_1", "ret_3", "vol_12", "rsi_14", "noise");

    /**
     * {@code rows} chronological rows: 70% TRAIN, 1 PURGED, 2 EMBARGO, 15% VAL, 1 PURGED, 2 EMBARGO, the
     * rest TEST. The label is the sign of {@code signal * (ret_1 + 0.5 * ret_3) + noise} beyond +-0.5.
     */
    public static Dataset make(Timeframe tf, int rows, long seed, double signal) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ts = new long[rows];
        double[][] x = new double[rows][COLUMNS.size()];
        int[] label = new int[rows];
        Split[] split = new Split[rows];
        double[] close = new double[rows];
        double[] fwd = new double[rows];
        double price = 30_000;
        int trainEnd = (int) (rows * 0.70), valStart = trainEnd + 3, valEnd = valStart + (int) (rows * 0.15);
        for (int i = 0; i < rows; i++) {
            ts[i] = 1_600_000_000L + (long) i * tf.seconds();
            double[] r = x[i];
            for (int j = 0; j < r.length; j++) r[j] = gauss(rnd);
            r[2] = Math.abs(r[2]);
            r[3] = 50 + 15 * r[3];
            double latent = signal * (r[0] + 0.5 * r[1]) + gauss(rnd);
            label[i] = latent > 0.5 ? 1 : latent < -0.5 ? -1 : 0;
            fwd[i] = latent * 0.01;
            price *= 1 + fwd[i];
            close[i] = price;
            if (i < trainEnd) split[i] = Split.TRAIN;
            else if (i == trainEnd || i == valEnd) split[i] = Split.PURGED;
            else if (i < valStart || (i > valEnd && i <= valEnd + 2)) split[i] = Split.EMBARGO;
            else if (i < valEnd) split[i] = Split.VAL;
            else split[i] = Split.TEST;
        }
        return new Dataset(tf, "BTC", COLUMNS, "synthetic-schema-v1", ts, x, label, split, close, fwd,
                "synthetic-" + seed + "-" + rows);
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Small, fast hyperparameters for tests. */
    public static Hyperparameters fast(Timeframe tf) {
        Hyperparameters d = Hyperparameters.defaults(tf);
        return new Hyperparameters(new GbmOptions(15, 3, 6, 10, 0.1, 0.7), new RfOptions(20, 0, 6, 16, 10, 1.0),
                d.logreg(), new LstmOptions(4, 8, 2, 64, 5e-3), new StackOptions(3, 2, 5, 300, true, 50),
                d.gates());
    }
}
