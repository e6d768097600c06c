package msb.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import msb.dataset.Split;
import msb.model.Hyperparameters;
import msb.signal.Metrics;
import msb.signal.SignalSpec;
import msb.signal.TradingMetrics;
import msb.signal.Verdict;
import msb.signal.Verdicts;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;

/**
 * Planted predictors through the code path `msb evaluate` uses (Evaluator over a dataset's test rows, the
 * decision replay through the trading engine with the timeframe's live config): each failing model fails the
 * verdicts it must, with figures, and an honest two-sided one fails none.
 */
class PlantedPredictorsTest {
    static final Fixtures FX = Fixtures.market(11);
    static final StrategyConfig LIVE = StrategyConfig.defaults(Fixtures.TF);

    static double[] trainPrior() {
        int[] train = FX.dataset.rowsOf(Split.TRAIN);
        int[] y = new int[train.length];
        for (int i = 0; i < y.length; i++) y[i] = FX.dataset.label()[train[i]];
        return Metrics.frequencies(y);
    }

    static ArtifactEvaluation evaluate(msb.model.SequencePredictor p, StrategyConfig cfg, double moodEveryBar, SignalSpec signal) {
        EvalRows rows = EvalRows.of(FX.dataset, Evaluator.testRows(FX.dataset));
        double[] mood = new double[rows.size()];
        java.util.Arrays.fill(mood, moodEveryBar);
        return Evaluator.evaluate(new Evaluator.Subject("planted", "planted", false, p, Map.of(), signal, trainPrior()), FX.dataset,
                rows.withMood(mood), EngineReplay.of(Fixtures.TF, cfg, FX.bars), Hyperparameters.defaults(Fixtures.TF).gates());
    }

    static ArtifactEvaluation evaluate(msb.model.SequencePredictor p, StrategyConfig cfg, double moodEveryBar) {
        return evaluate(p, cfg, moodEveryBar, SignalSpec.RAW);
    }

    static Verdict verdict(ArtifactEvaluation e, String name) {
        return e.verdicts().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void alwaysUpIsOneSidedRawInertCentredAndWithoutSkill() {
        ArtifactEvaluation raw = evaluate(Fixtures.constant(0.05, 0.15, 0.8), LIVE, 0);
        assertTrue(raw.flagged());
        assertTrue(raw.reasons().containsAll(List.of(Verdicts.ONE_SIDED, Verdicts.DIRECTION_SKILL, Verdicts.NO_OOS_SKILL)), raw.reasons().toString());
        assertTrue(verdict(raw, Verdicts.ONE_SIDED).detail().contains("the signal never changes sign: between +0.7500 and +0.7500"),
                verdict(raw, Verdicts.ONE_SIDED).detail());
        assertEquals(1.0, raw.predictedShares().up());
        ArtifactEvaluation centred = evaluate(Fixtures.constant(0.05, 0.15, 0.8), LIVE, 0, SignalSpec.centred(0.75));
        assertTrue(centred.reasons().contains(Verdicts.INERT), centred.reasons().toString());
        assertEquals(0.0, verdict(centred, Verdicts.INERT).figures().get("acted_frac"));
        assertEquals(0, centred.funnel().orders().buy() + centred.funnel().orders().sell(), "a centred constant never trades");
    }

    @Test
    void alwaysDownIsOneSided() {
        ArtifactEvaluation e = evaluate(Fixtures.constant(0.8, 0.15, 0.05), LIVE, 0);
        assertTrue(e.reasons().contains(Verdicts.ONE_SIDED), e.reasons().toString());
        assertEquals(1.0, e.predictedShares().down());
    }

    @Test
    void theSeedsPositiveBandIsOneSidedRawInertCentredAndHasNoSkill() {
        ArtifactEvaluation raw = evaluate(Fixtures.seedBand(), LIVE, 0);
        assertTrue(raw.reasons().containsAll(List.of(Verdicts.ONE_SIDED, Verdicts.INERT, Verdicts.DIRECTION_SKILL)), raw.reasons().toString());
        double lo = raw.metrics().sModelMin(), hi = raw.metrics().sModelMax();
        assertTrue(lo >= 0.061 && hi <= 0.074, lo + " " + hi);
        ArtifactEvaluation centred = evaluate(Fixtures.seedBand(), LIVE, 0, SignalSpec.centred(0.0675));
        assertTrue(centred.reasons().contains(Verdicts.INERT), centred.reasons().toString());
        assertFalse(centred.reasons().contains(Verdicts.ONE_SIDED), "centred, the band takes both signs: " + centred.reasons());
        assertTrue(centred.reasons().contains(Verdicts.DIRECTION_SKILL), centred.reasons().toString());
    }

    @Test
    void consensusGateThatBlocksEverySellIsBlockedDirection() {
        StrategyConfig consensus = LIVE.withGate(LIVE.gate().withRequireConsensus(true));
        ArtifactEvaluation e = evaluate(Fixtures.honest(), consensus, 0.5);
        long sells = e.funnel().modelSignals().sell();
        assertTrue(sells > 50, "the balanced model signals SELL often: " + sells);
        assertEquals(0, e.funnel().decisions().sell());
        assertEquals(List.of(Verdicts.BLOCKED_DIRECTION), e.reasons(), "the model itself passes everything else");
        assertEquals("the gate blocked " + sells + " of " + sells + " SELL signals (no_consensus)", verdict(e, Verdicts.BLOCKED_DIRECTION).detail());
    }

    @Test
    void honestTwoSidedModelFailsNoVerdict() {
        ArtifactEvaluation e = evaluate(Fixtures.honest(), LIVE, 0, SignalSpec.centred(0.0));
        assertFalse(e.flagged(), e.verdicts().toString());
        assertTrue(e.predictedShares().up() > 0.1 && e.predictedShares().down() > 0.1);
        assertTrue(e.funnel().orders().buy() > 0 && e.funnel().orders().sell() > 0, e.funnel().toString());
        assertTrue(e.metrics().balancedAccuracy() > 0.5);
        assertTrue(e.metrics().ic() > 0.3);
        assertTrue(e.metrics().directionAucLo() > 0.5);
        assertTrue(e.beatsBaselines().get("majority").get("balanced_accuracy"));
        double[] r = e.series().netReturns(), eq = e.series().equity();
        assertEquals(eq[eq.length - 1] - 1, TradingMetrics.totalReturn(r), 1e-9);
        assertEquals(e.metrics().totalReturn(), TradingMetrics.totalReturn(r), 1e-12);
        assertEquals(e.funnel().roundTrips(), e.metrics().roundTrips());
    }
}
