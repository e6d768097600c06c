package msb.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectionalBalanceTest {
    static int[] labels(int up, int down, int neutral) {
        int[] y = new int[up + down + neutral];
        for (int i = 0; i < up; i++) y[i] = 1;
        for (int i = up; i < up + down; i++) y[i] = -1;
        return y;
    }

    @Test
    void oneSidedPredictionsReadLikeTheSeedsFailure() {
        int[] y = labels(47, 41, 12); // 100 bars: 47% UP, 41% DOWN
        double[] s = new double[100];
        java.util.Arrays.fill(s, 0.3);
        List<String> r = DirectionalBalance.reasons("24h", s, y, 0.10, null, BalanceOptions.DEFAULTS);
        assertEquals(List.of(
                "24h: predicts UP on 100% and DOWN on 0% of 100 test bars (labels 47% UP / 41% DOWN): DOWN is under the 10% minimum at S_MIN 0.10",
                "24h: s_model never changes sign: between +0.300 and +0.300 on all 100 test bars"), r);
    }

    @Test
    void aDirectionTheLabelsBarelyHoldIsNotRequired() {
        int[] y = labels(60, 5, 35); // DOWN 5% < minLabelShareFrac 10%
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) s[i] = i < 95 ? 0.2 : -0.01;
        assertEquals(List.of(), DirectionalBalance.reasons("12h", s, y, 0.10, null, BalanceOptions.DEFAULTS));
        // stricter options: a 3% label share counts, the 0% DOWN prediction is flagged
        List<String> strict = DirectionalBalance.reasons("12h", s, y, 0.10, null, new BalanceOptions(0.03, 0.10));
        assertTrue(strict.getFirst().contains("DOWN is under the 10% minimum"), strict.toString());
    }

    @Test
    void predictedShareJustAtTheMinimumPasses() {
        int[] y = labels(45, 45, 10);
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) s[i] = i < 10 ? -0.10 : i < 20 ? 0.10 : (i % 2 == 0 ? 0.01 : -0.01);
        assertEquals(List.of(), DirectionalBalance.reasons("1h", s, y, 0.10, null, BalanceOptions.DEFAULTS));
        s[0] = -0.0999; // 9% DOWN now
        assertTrue(DirectionalBalance.reasons("1h", s, y, 0.10, null, BalanceOptions.DEFAULTS).getFirst()
                .contains("DOWN on 9%"));
    }

    @Test
    void bothDirectionsMissingIsOneReason() {
        int[] y = labels(27, 23, 50);
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) s[i] = i < 3 ? 0.2 : (i % 2 == 0 ? 0.03 : -0.02);
        assertEquals(List.of("12h: predicts UP on 3% and DOWN on 0% of 100 test bars (labels 27% UP / 23% DOWN): "
                + "UP and DOWN are under the 10% minimum at S_MIN 0.10"),
                DirectionalBalance.reasons("12h", s, y, 0.10, null, BalanceOptions.DEFAULTS));
    }

    @Test
    void funnelReasonsNameTheGateOrTheGuards() {
        Funnel gate = new Funnel("gate", 0.1, 412, new Sides(200, 190),
                Map.of("no_consensus", new Sides(0, 190), "below_min", new Sides(3, 0)), new Sides(197, 0),
                Map.of(), new Sides(40, 0), 39);
        assertEquals(List.of("24h: the gate blocked 190 of 190 SELL signals (no_consensus)"),
                DirectionalBalance.funnelReasons("24h", gate));
        Funnel guards = new Funnel("gate", 0.1, 412, new Sides(200, 190), Map.of(), new Sides(200, 12),
                Map.of("cooldown", new Sides(5, 8), "min_position_change", new Sides(0, 4)), new Sides(40, 0), 39);
        assertEquals(List.of("5m: 12 SELL decisions passed the gate but no SELL order was placed "
                        + "(guards: cooldown 8, min_position_change 4)"),
                DirectionalBalance.funnelReasons("5m", guards));
        Funnel fine = new Funnel("gate", 0.1, 412, new Sides(200, 190), Map.of(), new Sides(200, 190), Map.of(),
                new Sides(40, 35), 70);
        assertEquals(List.of(), DirectionalBalance.funnelReasons("5m", fine));
    }
}
