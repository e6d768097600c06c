package msb.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import msb.decision.GateConfig;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;

/**
 * Planted predictors through the code path `msb evaluate` uses (Evaluator over a dataset's test rows, the
 * decision replay through the trading engine with the timeframe's live config): each one-sided model is
 * flagged with the right reason, an honest balanced one is not.
 */
class PlantedPredictorsTest {
    static final Fixtures FX = Fixtures.market(11);
    static final StrategyConfig LIVE = StrategyConfig.defaults(Fixtures.TF);

    static ArtifactEvaluation evaluate(msb.model.SequencePredictor p, StrategyConfig cfg, double moodEveryBar) {
        EvalRows rows = EvalRows.of(FX.dataset, Evaluator.testRows(FX.dataset));
        double[] mood = new double[rows.size()];
        java.util.Arrays.fill(mood, moodEveryBar);
        return Evaluator.evaluate(new Evaluator.Subject("planted", "planted", false, p, Map.of()), FX.dataset,
                rows.withMood(mood), EngineReplay.of(Fixtures.TF, cfg, FX.bars), BalanceOptions.DEFAULTS);
    }

    static boolean anyReason(ArtifactEvaluation e, String text) {
        return e.reasons().stream().anyMatch(r -> r.contains(text));
    }

    @Test
    void alwaysUpIsFlaggedForNeverPredictingDown() {
        ArtifactEvaluation e = evaluate(Fixtures.constant(0.05, 0.15, 0.8), LIVE, 0);
        int rows = (int) e.metrics().get("rows");
        assertTrue(e.flagged());
        assertTrue(anyReason(e, "24h: predicts UP on 100% and DOWN on 0% of " + rows + " test bars"), e.reasons().toString());
        assertTrue(anyReason(e, "DOWN is under the 10% minimum"), e.reasons().toString());
        assertTrue(anyReason(e, "s_model never changes sign"), e.reasons().toString());
        assertEquals(1.0, e.predictedShares().up());
    }

    @Test
    void alwaysDownIsFlaggedForNeverPredictingUp() {
        ArtifactEvaluation e = evaluate(Fixtures.constant(0.8, 0.15, 0.05), LIVE, 0);
        assertTrue(e.flagged());
        assertTrue(anyReason(e, "predicts UP on 0% and DOWN on 100%"), e.reasons().toString());
        assertTrue(anyReason(e, "UP is under the 10% minimum"), e.reasons().toString());
        assertFalse(anyReason(e, "DOWN is under"), e.reasons().toString());
    }

    @Test
    void smallPositiveBandIsFlaggedForNeverChangingSign() {
        ArtifactEvaluation e = evaluate(Fixtures.positiveBand(), LIVE, 0);
        assertTrue(e.flagged());
        assertTrue(anyReason(e, "s_model never changes sign: between +0.06"), e.reasons().toString());
        double lo = (double) e.metrics().get("s_model_min"), hi = (double) e.metrics().get("s_model_max");
        assertTrue(lo >= 0.061 && hi <= 0.074, lo + " " + hi);
    }

    @Test
    void consensusGateThatBlocksEverySellIsFlagged() {
        GateConfig g = LIVE.gate();
        StrategyConfig consensus = new StrategyConfig(LIVE.mode(), new GateConfig(g.sMin(), 0.1, g.confMin(),
                g.alphaMin(), false, false, true, true), LIVE.bandit(), LIVE.exits(), LIVE.sizing(), LIVE.guards(),
                LIVE.paper(), LIVE.alerts());
        ArtifactEvaluation e = evaluate(Fixtures.honest(), consensus, 0.5);
        long sells = e.funnel().modelSignals().sell();
        assertTrue(sells > 50, "the balanced model signals SELL often: " + sells);
        assertEquals(0, e.funnel().decisions().sell());
        assertTrue(e.flagged());
        assertTrue(anyReason(e, "24h: the gate blocked " + sells + " of " + sells + " SELL signals (no_consensus)"),
                e.reasons().toString());
        assertFalse(anyReason(e, "predicts UP on"), "the model itself is balanced: " + e.reasons());
    }

    @Test
    void honestBalancedModelIsNotFlagged() {
        ArtifactEvaluation e = evaluate(Fixtures.honest(), LIVE, 0);
        assertFalse(e.flagged(), e.reasons().toString());
        assertTrue(e.predictedShares().up() > 0.1 && e.predictedShares().down() > 0.1);
        assertTrue(e.funnel().orders().buy() > 0 && e.funnel().orders().sell() > 0, e.funnel().toString());
        assertTrue((double) e.metrics().get("balanced_accuracy") > 0.5);
        assertTrue((double) e.metrics().get("ic") > 0.3);
        assertTrue(e.beatsBaselines().get("majority").get("balanced_accuracy"));
        // the strategy's return series compounds to its equity curve, and total_return agrees with both
        double[] r = e.series().netReturns(), eq = e.series().equity();
        assertEquals(eq[eq.length - 1] - 1, TradingMetrics.totalReturn(r), 1e-9);
        assertEquals((double) e.metrics().get("total_return"), TradingMetrics.totalReturn(r), 1e-12);
        assertEquals(e.funnel().roundTrips(), (int) e.metrics().get("round_trips"));
    }
}
