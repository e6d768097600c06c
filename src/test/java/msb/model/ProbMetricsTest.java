package msb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbMetricsTest {
    private static double[] row(double down, double up) { return new double[]{down, 1 - down - up, up}; }

    @Test
    void directionAucIsOneWhenEveryUpRowOutranksEveryDownRow() {
        double[][] p = {row(0.5, 0.1), row(0.4, 0.2), row(0.1, 0.6), row(0.2, 0.5)};
        int[] y = {0, 0, 2, 2};
        assertEquals(1.0, ProbMetrics.directionAuc(p, y), 1e-12);
        assertEquals(0.0, ProbMetrics.directionAuc(p, new int[]{2, 2, 0, 0}), 1e-12);
    }

    @Test
    void directionAucIgnoresNeutralRowsAndCountsTiesAsHalf() {
        // neutral rows carry extreme s_model: they must not move the AUC
        double[][] p = {row(0.3, 0.3), row(0.3, 0.3), row(0.0, 0.9), row(0.9, 0.0)};
        int[] y = {0, 2, 1, 1};
        assertEquals(0.5, ProbMetrics.directionAuc(p, y), 1e-12);
    }

    @Test
    void directionAucIsUndefinedWithoutBothDirections() {
        double[][] p = {row(0.3, 0.3), row(0.2, 0.4)};
        assertTrue(Double.isNaN(ProbMetrics.directionAuc(p, new int[]{2, 1})));
    }

    @Test
    void aConstantSkewShowsInTheMeanNotInTheAuc() {
        // a model with no skill calibrated to a VAL split with more UP than DOWN labels
        double[][] p = {row(0.2, 0.3), row(0.2, 0.3), row(0.2, 0.3), row(0.2, 0.3)};
        int[] y = {0, 2, 2, 1};
        double[] ms = ProbMetrics.sModelMeanSd(p);
        assertEquals(0.1, ms[0], 1e-12);
        assertEquals(0.0, ms[1], 1e-12);
        assertEquals(0.5, ProbMetrics.directionAuc(p, y), 1e-12);
    }
}
