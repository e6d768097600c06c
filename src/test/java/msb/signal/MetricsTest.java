package msb.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every expected value below was computed by hand from the 8-row and 4-row fixtures (derivations inline). */
class MetricsTest {
    // true:  U U N D D N U D ; predicted: U N N D U N U U
    static final int[] Y = {1, 1, 0, -1, -1, 0, 1, -1};
    static final int[] PRED = {1, 0, 0, -1, 1, 0, 1, 1};

    @Test
    void confusionAccuracyRecallPrecision() {
        long[][] c = Metrics.confusion(Y, PRED);
        assertArrayEquals(new long[]{1, 0, 2}, c[0]); // true DOWN -> predicted D, N, U
        assertArrayEquals(new long[]{0, 2, 0}, c[1]);
        assertArrayEquals(new long[]{0, 1, 2}, c[2]);
        assertEquals(5.0 / 8, Metrics.accuracy(Y, PRED), 1e-12);
        assertArrayEquals(new double[]{1.0 / 3, 1.0, 2.0 / 3}, Metrics.recall(c), 1e-12);
        assertArrayEquals(new double[]{1.0, 2.0 / 3, 0.5}, Metrics.precision(c), 1e-12);
        assertEquals(2.0 / 3, Metrics.balancedAccuracy(Y, PRED), 1e-12); // (1/3 + 1 + 2/3) / 3
    }

    @Test
    void macroF1AndMcc() {
        // F1: DOWN 2*1/(3+1) = 0.5, NEUTRAL 2*2/(2+3) = 0.8, UP 2*2/(3+4) = 4/7
        assertEquals((0.5 + 0.8 + 4.0 / 7) / 3, Metrics.macroF1(Y, PRED), 1e-12);
        // Gorodkin: (c*s - sum p_k t_k) / sqrt((s^2 - sum p^2)(s^2 - sum t^2)); t=[3,2,3], p=[1,3,4]
        assertEquals((5.0 * 8 - 21) / Math.sqrt((64 - 26) * (64 - 22)), Metrics.mcc(Y, PRED), 1e-12);
        assertEquals(1.0, Metrics.mcc(Y, Y), 1e-12);
        assertEquals(0.0, Metrics.mcc(Y, new int[]{1, 1, 1, 1, 1, 1, 1, 1}), 1e-12);
    }

    @Test
    void aConstantRuleIsScoredWithTheBaseRateAndARuleWithItsClassShares() {
        int[] up = {1, 1, 1, 1, 1, 1, 1, 1};
        double[][] p = Metrics.ruleProbabilities(up, Y, up);
        // always-UP calibrated is the label prior {3/8, 2/8, 3/8}: its log loss is the base rate's, not log(1e-15)
        assertArrayEquals(new double[]{3.0 / 8, 2.0 / 8, 3.0 / 8}, p[0], 1e-12);
        assertEquals(Metrics.priorLogLoss(Metrics.frequencies(Y), Y), Metrics.logLoss(Y, p), 1e-12);
        // PRED names UP on rows 0,4,6,7 (labels U D U D) -> {1/2, 0, 1/2}; NEUTRAL on 1,2,5 (U N N) -> {0, 2/3, 1/3};
        // DOWN on row 3 (D) -> {1, 0, 0}; a class never named while fitting takes the prior
        double[][] q = Metrics.ruleProbabilities(PRED, Y, new int[]{1, 0, -1});
        assertArrayEquals(new double[]{0.5, 0, 0.5}, q[0], 1e-12);
        assertArrayEquals(new double[]{0, 2.0 / 3, 1.0 / 3}, q[1], 1e-12);
        assertArrayEquals(new double[]{1, 0, 0}, q[2], 1e-12);
        double[][] r = Metrics.ruleProbabilities(up, Y, new int[]{-1});
        assertArrayEquals(new double[]{3.0 / 8, 2.0 / 8, 3.0 / 8}, r[0], 1e-12);
    }

    static final int[] Y4 = {1, 0, -1, -1};
    static final double[][] P4 = {{0.2, 0.3, 0.5}, {0.1, 0.8, 0.1}, {0.6, 0.2, 0.2}, {0.3, 0.3, 0.4}};

    @Test
    void logLossBrierEce() {
        assertEquals(-(Math.log(0.5) + Math.log(0.8) + Math.log(0.6) + Math.log(0.3)) / 4,
                Metrics.logLoss(Y4, P4), 1e-12);
        // (0.04+0.09+0.25) + (0.01+0.04+0.01) + (0.16+0.04+0.04) + (0.49+0.09+0.16) = 1.42
        assertEquals(1.42 / 4, Metrics.brier(Y4, P4), 1e-12);
        // top classes 0.5 hit, 0.8 hit, 0.6 hit, 0.4 (UP) miss, one per bin: (0.5+0.2+0.4+0.4)/4
        assertEquals(0.375, Metrics.ece(Y4, P4, Metrics.ECE_BINS), 1e-12);
        assertEquals(-Math.log(Metrics.LOG_LOSS_EPS),
                Metrics.logLoss(new int[]{-1}, new double[][]{{0, 0, 1}}), 1e-9);
    }

    @Test
    void sharesThresholdClassesAndArgmax() {
        double[] s = Metrics.sModel(P4); // 0.3, 0, -0.4, 0.1
        assertArrayEquals(new double[]{0.3, 0.0, -0.4, 0.1}, s, 1e-12);
        assertArrayEquals(new int[]{1, 0, -1, 1}, Metrics.thresholdClasses(s, 0.1)); // 0.1 >= 0.1 counts
        assertArrayEquals(new int[]{1, 0, -1, 1}, Metrics.argmax(P4));
        assertArrayEquals(new double[]{0.25, 0.25, 0.5}, Metrics.shares(new int[]{1, 0, -1, 1}), 1e-12);
        assertArrayEquals(new double[]{0.25, 0.25, 0.5}, Metrics.signShares(s), 1e-12);
        assertEquals(0, Metrics.argmax(new double[]{0.4, 0.4, 0.2})); // ties go to NEUTRAL
    }

    @Test
    void spearmanWithTies() {
        // ranks of b = 1, 2, 3.5, 5, 3.5; deviations (-2,-1,.5,2,.5) vs (-2,-1,0,1,2): 8 / sqrt(10 * 9.5)
        assertEquals(8 / Math.sqrt(95), Metrics.spearman(new double[]{1, 2, 3, 4, 5},
                new double[]{5, 6, 7, 8, 7}), 1e-12);
        assertEquals(-1, Metrics.spearman(new double[]{1, 2, 3}, new double[]{9, 4, 1}), 1e-12);
        assertEquals(0, Metrics.spearman(new double[]{1, 1, 1}, new double[]{9, 4, 1}), 1e-12);
    }
}
