package msb.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import msb.dataset.Split;
import msb.model.FitResult;
import msb.model.Gates;
import msb.model.Hyperparameters;
import msb.model.ValidationScores;
import msb.signal.SignalSpec;
import msb.signal.Skill;
import msb.signal.Verdict;
import msb.signal.VerdictOptions;
import org.junit.jupiter.api.Test;

/**
 * Train's promotion verdicts and evaluate's flags are the same functions: on the same rows, probabilities,
 * signal and settings they agree in every figure and outcome (only the sentence naming the rows differs).
 */
class GateEvaluateAgreementTest {
    @Test
    void sameRowsSameVerdicts() {
        Fixtures fx = Fixtures.market(11);
        int[] rows = fx.dataset.rowsOf(Split.TEST);
        double[][] p = fx.dataset.rowsOf(Split.TEST).length == 0 ? null : Evaluator.score(fx.dataset, rows, Fixtures.honest());
        double drift = msb.signal.Metrics.meanSd(SignalSpec.RAW.of(p))[0];
        SignalSpec spec = SignalSpec.centred(drift);
        double[] chainedDrift = new double[rows.length];
        java.util.Arrays.fill(chainedDrift, drift);
        // every row "forward-chained" with the same calibrator: train's two samples are then the evaluated rows
        ValidationScores scores = new ValidationScores(p, IntStream.range(0, rows.length).toArray(), p, chainedDrift, spec,
                new ValidationScores.CalibrationEvidence(Double.NaN, Double.NaN, 5));
        FitResult fit = new FitResult(null, rows, scores, null, "none", Map.of(), Map.of());
        VerdictOptions o = Hyperparameters.defaults(Fixtures.TF).gates();
        int[] train = fx.dataset.rowsOf(Split.TRAIN);
        Map<String, Verdict> gates = Gates.onValidation(fit, fx.dataset, train, o, 1).verdicts();

        EvalRows er = EvalRows.of(fx.dataset, rows);
        double[] prior = PlantedPredictorsTest.trainPrior();
        var subject = new Evaluator.Subject("a", "planted", false, (d, r) -> p, null, Map.of(), spec, prior, 1);
        Skill.Report skill = Skill.of(SignalSpec.RAW.of(p), er.label(), er.fwdReturn(), o.bootstrap(1));
        var replay = EngineReplay.of(Fixtures.TF, PlantedPredictorsTest.LIVE, fx.bars).withSignal(spec);
        List<Verdict> evaluated = Evaluator.verdicts(subject, er, p, spec.of(p), skill, replay.replay(er, p).funnel(), o);

        int compared = 0;
        for (Verdict e : evaluated) {
            Verdict g = gates.get(e.name());
            if (g == null) continue;
            assertEquals(g.passed(), e.passed(), e.name());
            assertEquals(g.figures(), e.figures(), e.name());
            compared++;
        }
        assertEquals(6, compared, "direction_skill, inert, one_sided, two_sided, calibration, lift");
        assertFalse(gates.isEmpty());
    }
}
