package msb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** The flat GBM evaluator gives Smile's own probabilities, on any row, for 3-class and binary models. */
class FlatGbmTest {
    /** Same arithmetic in the same order: equal up to this absolute tolerance on a probability. */
    private static final double PROB_TOL = 1e-12;
    private static final int FEATURES = 7;

    @Test
    void threeClassModelMatchesSmileOnRandomThresholdAndNonFiniteRows(@TempDir Path dir) {
        double[][] x = trainingRows(900, 11);
        int[] rows = all(x.length);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i][0] + 0.5 * x[i][3] > 0.6 ? 2 : x[i][0] - x[i][5] < -0.6 ? 0 : 1;
        SmileModel m = SmileLearners.gbm(x, rows, y, new GbmOptions(40, 5, 24, 5, 0.1, 0.8), 7, n -> { });
        assertTrue(m.flattened(), "a GBM over double columns must be flattened");
        List<double[]> probe = probeRows(x, 13);
        assertSame(m, probe);

        // a model read back from disk is flattened too (the live path loads artifacts)
        Path f = dir.resolve("gbm.model");
        m.save(f);
        SmileModel loaded = SmileModel.load(f, FEATURES);
        assertTrue(loaded.flattened());
        assertSame(loaded, probe);
    }

    @Test
    void binaryModelMatchesSmile() {
        double[][] x = trainingRows(500, 21);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i][1] * x[i][0] > 0.1 ? 1 : 0;
        DataFrame df = DataFrame.of(x, SmileModel.featureNames(FEATURES)).merge(new DataFrame(new IntVector("y", y)));
        var gbm = GradientTreeBoost.fit(Formula.lhs("y"), df, new GradientTreeBoost.Options(30, 4, 12, 5, 0.1, 1.0, null, null));
        // the evaluator itself reproduces a binary model; SmileModel keeps Smile's predict for one (its two classes
        // do not map onto DOWN/NEUTRAL/UP one to one)
        assertFalse(SmileModel.ofFrameClassifier(gbm, FEATURES).flattened());
        for (double[] row : probeRows(x, 23)) {
            double[] want = new double[2];
            gbm.predict(smile.data.Tuple.of(inputSchema(), row), want);
            double[] got = new double[3];
            flat(gbm).predict(row, got);
            assertEquals(want[0], got[0], PROB_TOL, () -> "row " + Arrays.toString(row));
            assertEquals(want[1], got[1], PROB_TOL, () -> "row " + Arrays.toString(row));
        }
    }

    private static FlatGbm flat(GradientTreeBoost gbm) {
        return FlatGbm.of(gbm, inputSchema()).orElseThrow();
    }

    private static smile.data.type.StructType inputSchema() {
        return DataFrame.of(new double[1][FEATURES], SmileModel.featureNames(FEATURES)).schema();
    }

    private static void assertSame(SmileModel m, List<double[]> probe) {
        int[] idx = all(probe.size());
        double[][] got = m.predict(probe.toArray(new double[0][]), idx);
        for (int i = 0; i < probe.size(); i++) {
            double[] want = m.smilePredict(probe.get(i));
            for (int c = 0; c < Labels.CLASSES; c++) {
                int row = i;
                assertEquals(want[c], got[i][c], PROB_TOL, () -> "row " + Arrays.toString(probe.get(row)));
            }
        }
    }

    /** Feature-like rows: heavy-tailed returns, a bounded oscillator, a positive volatility, a constant column. */
    private static double[][] trainingRows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][FEATURES];
        for (double[] row : x) {
            for (int j = 0; j < FEATURES; j++) row[j] = r.nextGaussian() * (j == 2 ? 0.01 : 1.0);
            row[3] = r.nextDouble() * 100 - 50;
            row[4] = Math.abs(r.nextGaussian()) * 0.002;
            row[6] = 1.0;
        }
        return x;
    }

    /** Random rows, training rows, midpoints of adjacent training values (where split thresholds lie), NaN, infinities. */
    private static List<double[]> probeRows(double[][] x, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double[] row = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) row[j] = r.nextGaussian() * 2;
            out.add(row);
        }
        for (int i = 0; i < x.length; i += 3) out.add(x[i].clone());
        double[][] sortedCols = new double[FEATURES][];
        for (int j = 0; j < FEATURES; j++) {
            sortedCols[j] = new double[x.length];
            for (int i = 0; i < x.length; i++) sortedCols[j][i] = x[i][j];
            Arrays.sort(sortedCols[j]);
        }
        for (int i = 0; i + 1 < x.length; i += 2) {
            double[] row = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) row[j] = (sortedCols[j][i] + sortedCols[j][i + 1]) / 2;
            out.add(row);
        }
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
        for (int i = 0; i < 200; i++) {
            double[] row = x[r.nextInt(x.length)].clone();
            row[r.nextInt(FEATURES)] = odd[r.nextInt(odd.length)];
            if (i % 4 == 0) row[r.nextInt(FEATURES)] = Double.NaN;
            out.add(row);
        }
        double[] allNan = new double[FEATURES];
        Arrays.fill(allNan, Double.NaN);
        out.add(allNan);
        return out;
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
