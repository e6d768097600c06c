package msb.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import msb.core.Timeframe;
import org.junit.jupiter.api.Test;

class GatesTest {
    @Test
    void aSkewedModelWithoutDirectionalSkillFailsBalanceAndTheDetailSaysWhy() {
        // calibrated to 30% UP / 20% DOWN labels with no skill: s_model = +0.10 everywhere
        int n = 100;
        double[][] p = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = new double[]{0.2, 0.5, 0.3};
            y[i] = i % 10 < 2 ? 0 : i % 10 < 5 ? 2 : 1;
        }
        GateResult g = Gates.directionalBalance(p, y, Hyperparameters.defaults(Timeframe.H1).gates());
        assertFalse(g.passed());
        assertTrue(g.detail().contains("mean +0.1000, sd 0.0000"), g.detail());
        assertTrue(g.detail().contains("direction AUC (UP vs DOWN rows by s_model) 0.500"), g.detail());
    }
}
