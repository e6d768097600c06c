package msb.evaluate;

import java.util.List;
import java.util.Random;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.DailyWalk;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.signal.Probs;
import msb.model.SequencePredictor;

/**
 * A synthetic 24h market and dataset for planted-predictor tests. Column 0 ("hint") is the row's forward
 * return plus noise, so an honest predictor reading it is informative in both directions.
 */
final class Fixtures {
    static final Timeframe TF = Timeframe.H24;
    static final int BARS = 900, FIRST_ROW_BAR = 60;
    static final double LABEL_THRESHOLD_FRAC = 0.004;

    final Bars bars;
    final Dataset dataset;

    private Fixtures(Bars bars, Dataset dataset) {
        this.bars = bars;
        this.dataset = dataset;
    }

    static Fixtures market(long seed) {
        Random rnd = new Random(seed);
        Bars bars = DailyWalk.bars(rnd, BARS, 1_600_000_000L / 86_400 * 86_400, 30_000, 0.02, 0.003, 100);
        int n = BARS - 1 - FIRST_ROW_BAR;
        long[] ts = new long[n];
        double[][] x = new double[n][];
        int[] label = new int[n];
        Split[] split = new Split[n];
        double[] c = new double[n], fwd = new double[n];
        for (int r = 0; r < n; r++) {
            int i = FIRST_ROW_BAR + r;
            ts[r] = bars.ts(i);
            c[r] = bars.close()[i];
            fwd[r] = bars.close()[i + 1] / bars.close()[i] - 1;
            label[r] = fwd[r] > LABEL_THRESHOLD_FRAC ? 1 : fwd[r] < -LABEL_THRESHOLD_FRAC ? -1 : 0;
            x[r] = new double[]{fwd[r] + 0.01 * rnd.nextGaussian()};
            split[r] = r < n * 0.6 ? Split.TRAIN : r < n * 0.8 ? Split.VAL : r < n * 0.8 + 5 ? Split.EMBARGO : Split.TEST;
        }
        Dataset ds = new Dataset(TF, "BTC", List.of("hint"), "test-schema", ts, x, label, split, c, fwd, "test-sha");
        return new Fixtures(bars, ds);
    }

    /** Same probabilities on every bar. */
    static SequencePredictor constant(double down, double neutral, double up) {
        return predictor(row -> new Probs(down, neutral, up));
    }

    /** s_model only inside [0.061, 0.074], like the seed's 24h model. */
    static SequencePredictor positiveBand() {
        return predictor(row -> {
            double s = 0.0675 + 0.0065 * Math.tanh(row[0] / 0.02);
            return new Probs(0.25 - s / 2, 0.5, 0.25 + s / 2);
        });
    }

    /**
     * The seed's 24h model: s_model uniform in [0.061, 0.074], drawn from a hash of the row, so it knows nothing
     * about the direction.
     */
    static SequencePredictor seedBand() {
        return predictor(row -> {
            double u = new java.util.SplittableRandom(Double.doubleToLongBits(row[0])).nextDouble();
            double s = 0.061 + 0.013 * u;
            return new Probs(0.25 - s / 2, 0.5, 0.25 + s / 2);
        });
    }

    /** Reads the informative column: s_model spans both signs, large when the hint is. */
    static SequencePredictor honest() {
        return predictor(row -> {
            double s = 0.9 * Math.tanh(row[0] / 0.01);
            return new Probs(0.45 - s / 2, 0.1, 0.45 + s / 2);
        });
    }

    private static SequencePredictor predictor(java.util.function.Function<double[], Probs> f) {
        return new SequencePredictor() {
            @Override public int historyRows() { return 1; }
            @Override public Probs predict(double[][] rows) { return f.apply(rows[rows.length - 1]); }
        };
    }
}
