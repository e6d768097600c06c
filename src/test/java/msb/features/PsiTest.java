package msb.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiTest {
    /** Values copied or restored, not recomputed, compare bit for bit. */
    private static final double EXACT = 0.0;

    /** Hand arithmetic to six decimals. */
    static final double HAND_TOLERANCE_PSI = 1e-6;
    /** Identical samples give identical fractions; only rounding could differ. */
    static final double ZERO_DRIFT_TOLERANCE_PSI = 1e-12;
    static final double FRAC_TOLERANCE = 1e-12;
    /** The conventional "no shift" band: a fresh sample of 2000 reads about (10 - 1) / 2000 = 0.0045. */
    static final double NO_SHIFT_PSI = 0.1;

    @Test
    void psiMatchesHandComputation() {
        // (0.25 - 0.5) ln(0.25/0.5) + (0.75 - 0.5) ln(0.75/0.5) = 0.173287 + 0.101366
        assertEquals(0.274653, Psi.of(new double[]{0.5, 0.5}, new double[]{0.25, 0.75}), HAND_TOLERANCE_PSI);
        // an empty TRAIN bin counts as 1e-4: (0.1 - 0.0001) ln(1000) + (0.4 - 0.5) ln(0.8) = 0.690085 + 0.022314
        assertEquals(0.712399, Psi.of(new double[]{0.5, 0.5, 0}, new double[]{0.5, 0.4, 0.1}), HAND_TOLERANCE_PSI);
        assertEquals(0.0, Psi.of(new double[]{0.3, 0.7}, new double[]{0.3, 0.7}), ZERO_DRIFT_TOLERANCE_PSI);
        assertTrue(Psi.of(new double[]{0.5, 0.5}, new double[]{0.75, 0.25}) > 0, "PSI is positive either way");
    }

    @Test
    void decilesOfOneToHundredAreTenEqualBins() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = 100 - i; // order does not matter
        FeatureDistribution d = FeatureDistribution.of(v, 10);
        assertArrayEquals(new double[]{11, 21, 31, 41, 51, 61, 71, 81, 91}, d.edges(), EXACT);
        for (double f : d.fractions()) assertEquals(0.1, f, FRAC_TOLERANCE);
        assertEquals(0, d.binOf(-5));
        assertEquals(0, d.binOf(10.999));
        assertEquals(1, d.binOf(11));
        assertEquals(9, d.binOf(91));
        assertEquals(9, d.binOf(1e9));
        assertEquals(9, d.binOf(Double.NaN), "NaN counts in the top bin");
    }

    @Test
    void tiedQuantilesMergeIntoFewerBins() {
        double[] v = new double[100];
        for (int i = 70; i < 100; i++) v[i] = 1;
        FeatureDistribution d = FeatureDistribution.of(v, 10);
        assertArrayEquals(new double[]{1}, d.edges(), EXACT);
        assertArrayEquals(new double[]{0.7, 0.3}, d.fractions(), FRAC_TOLERANCE);
        FeatureDistribution constant = FeatureDistribution.of(new double[]{5, 5, 5}, 10);
        assertEquals(1, constant.bins());
        assertEquals(0.0, Psi.of(constant, new double[]{1, 9}), ZERO_DRIFT_TOLERANCE_PSI, "one bin cannot drift");
    }

    @Test
    void identicalSamplesShowNoDriftAndAShiftShowsMuch() {
        Random r = new Random(3);
        double[] train = new double[2_000];
        for (int i = 0; i < train.length; i++) train[i] = r.nextGaussian();
        FeatureDistribution d = FeatureDistribution.of(train, FeatureDistribution.DEFAULT_BINS);
        assertEquals(0.0, Psi.of(d, train.clone()), ZERO_DRIFT_TOLERANCE_PSI);
        double[] fresh = new double[2_000];
        for (int i = 0; i < fresh.length; i++) fresh[i] = r.nextGaussian();
        assertTrue(Psi.of(d, fresh) < NO_SHIFT_PSI, "a fresh sample of the same law: " + Psi.of(d, fresh));
        double[] shifted = fresh.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += 1.0; // one sigma
        assertTrue(Psi.of(d, shifted) > Psi.SIGNIFICANT_SHIFT_PSI, "a one-sigma shift: " + Psi.of(d, shifted));
    }

    @Test
    void trainDistributionCoversEveryColumnOverTheGivenRows() {
        double[][] x = new double[50][];
        for (int i = 0; i < 50; i++) x[i] = new double[]{i, i % 2};
        int[] rows = new int[40];
        for (int i = 0; i < 40; i++) rows[i] = i;
        TrainDistribution t = TrainDistribution.of("train", List.of("a", "b"), x, rows, 10);
        assertEquals(40, t.rows());
        assertEquals(List.of("a", "b"), List.copyOf(t.features().keySet()));
        assertArrayEquals(new double[]{0.5, 0.5}, t.features().get("b").fractions(), FRAC_TOLERANCE);
        Map<String, Double> same = t.psiOf(List.of("a", "b"), x, rows);
        assertEquals(0.0, same.get("a"), ZERO_DRIFT_TOLERANCE_PSI);
        int[] later = {40, 41, 42, 43, 44, 45, 46, 47, 48, 49};
        assertTrue(t.psiOf(List.of("a", "b"), x, later).get("a") > Psi.SIGNIFICANT_SHIFT_PSI, "rows past TRAIN's range drift");
        assertEquals(0.0, t.psiOf(List.of("a", "b"), x, later).get("b"), ZERO_DRIFT_TOLERANCE_PSI);
    }
}
