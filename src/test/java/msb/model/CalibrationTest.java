package msb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Block means are ratios of small integers: exact up to double rounding. */
    static final double RATIO_TOLERANCE = 1e-12;

    @Test
    void isotonicPoolsViolatorsIntoCountWeightedMeans() {
        // scores 0.1, 0.2, 0.3, 0.4 with targets 0, 1, 0, 1: the middle pair violates and pools to 0.5
        double[][] k = Calibration.isotonic(new double[]{0.1, 0.2, 0.3, 0.4}, new int[]{0, 1, 0, 1});
        assertArrayEquals(new double[]{0.1, 0.25, 0.4}, k[0], RATIO_TOLERANCE);
        assertArrayEquals(new double[]{0.0, 0.5, 1.0}, k[1], RATIO_TOLERANCE);
    }

    @Test
    void tiedScoresMergeWithTheCountWeightedMeanNotTheMax() {
        // one row at 0.5 with target 0, two at 0.5 with target 1 (sorted in that order): PAV leaves two blocks
        // with the same mean score, which one knot must replace at the pooled rate 2/3 (a max would say 1)
        double[][] k = Calibration.isotonic(new double[]{0.5, 0.5, 0.5}, new int[]{0, 1, 1});
        assertArrayEquals(new double[]{0.5}, k[0], RATIO_TOLERANCE);
        assertArrayEquals(new double[]{2.0 / 3}, k[1], RATIO_TOLERANCE);
    }
}
