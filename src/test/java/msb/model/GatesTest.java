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

    @Test
    void defaultOrStricterGateSettingsPassAndEachWeakerOneIsNamed() {
        GateOptions d = Hyperparameters.defaults(Timeframe.M5).gates();
        assertTrue(Gates.settings(d, d).passed());
        GateOptions stricter = new GateOptions(d.minTrainRows() * 2, d.sMin() + 0.05, d.labelShareFrac() / 2,
                d.minDirectionShareFrac() + 0.05, d.maxEceFrac() / 2, d.eceBins());
        assertTrue(Gates.settings(stricter, d).passed());
        GateOptions weaker = new GateOptions(d.minTrainRows() - 1, d.sMin() / 2, d.labelShareFrac() + 0.1,
                d.minDirectionShareFrac() / 2, d.maxEceFrac() * 2, d.eceBins());
        GateResult g = Gates.settings(weaker, d);
        assertFalse(g.passed());
        for (String name : new String[]{"min_train_rows", "s_min", "label_share_frac", "min_direction_share_frac", "max_ece_frac"}) {
            assertTrue(g.detail().contains(name + " "), name + ": " + g.detail());
        }
    }
}
