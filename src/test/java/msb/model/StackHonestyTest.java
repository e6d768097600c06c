package msb.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msb.core.Timeframe;
import msb.dataset.Dataset;
import msb.dataset.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planted checks of the fitting rules: every fitted component's rows are recorded and compared with the
 * rows it scored and with the splits; a label and feature leak planted in TEST rows must change nothing.
 */
class StackHonestyTest {
    static final Map<String, List<int[]>> FITTED = new LinkedHashMap<>();
    static final Map<String, List<int[]>> SCORED = new LinkedHashMap<>();
    static Dataset ds;
    static FitResult result;

    static final FitObserver RECORDER = new FitObserver() {
        @Override public void fitted(String c, int[] rows) { FITTED.computeIfAbsent(c, k -> new ArrayList<>()).add(rows.clone()); }

        @Override public void scored(String c, int[] rows) { SCORED.computeIfAbsent(c, k -> new ArrayList<>()).add(rows.clone()); }
    };

    @BeforeAll
    static void fitOnce() {
        ds = SyntheticDatasets.make(Timeframe.H24, 1500, 3, 1.5);
        result = new StackTrainer(SyntheticDatasets.fast(Timeframe.H24), 11, true, RECORDER, msb.core.Progress.NOWHERE).fit(ds, ModelKind.STACK);
    }

    static Set<Integer> set(int[] rows) {
        Set<Integer> s = new HashSet<>();
        for (int r : rows) s.add(r);
        return s;
    }

    @Test
    void outOfFoldPredictionsNeverComeFromAModelFittedOnThatRow() {
        int folds = 0;
        Set<Integer> metaInputs = new HashSet<>();
        for (var e : SCORED.entrySet()) {
            if (!e.getKey().contains("/fold")) continue;
            folds++;
            Set<Integer> fit = set(FITTED.get(e.getKey()).getFirst());
            for (int[] scored : e.getValue()) {
                for (int r : scored) {
                    assertFalse(fit.contains(r), e.getKey() + " scored row " + r + " it was fitted on");
                    metaInputs.add(r);
                }
                int maxFit = fit.stream().mapToInt(Integer::intValue).max().orElse(-1);
                assertTrue(maxFit < Arrays.stream(scored).min().orElseThrow(), e.getKey() + " is walk-forward: fitted before it scores");
            }
        }
        assertEquals(4 * 3, folds, "4 learners x 3 folds");
        assertEquals(set(FITTED.get("meta").getFirst()), metaInputs, "the meta model is fitted on out-of-fold rows only");
    }

    @Test
    void fittedComponentsSeeTrainRowsAndCalibratorsSeeValRowsOnly() {
        Set<Integer> train = set(ds.rowsOf(Split.TRAIN)), val = set(ds.rowsOf(Split.VAL));
        for (var e : FITTED.entrySet()) {
            Set<Integer> allowed = e.getKey().contains("calibration") ? val : train;
            for (int[] rows : e.getValue()) {
                for (int r : rows) assertTrue(allowed.contains(r), e.getKey() + " was fitted on row " + r + " (" + ds.split()[r] + ")");
            }
        }
        assertTrue(FITTED.containsKey("calibration"));
        assertTrue(FITTED.containsKey("scaler"));
    }

    @Test
    void aLeakPlantedInTestRowsChangesNothing() {
        int[] test = ds.rowsOf(Split.TEST);
        double[][] x = new double[ds.rows()][];
        int[] label = ds.label().clone();
        for (int i = 0; i < x.length; i++) x[i] = ds.x()[i].clone();
        for (int r : test) {
            label[r] = -label[r];
            x[r][0] = label[r] * 1000; // a feature that is the (flipped) label itself
        }
        Dataset leaked = new Dataset(ds.tf(), ds.symbol(), ds.columns(), ds.schemaHash(), ds.ts(), x, label, ds.split(),
                ds.close(), ds.fwdReturn(), ds.sha256());
        FitResult other = new StackTrainer(SyntheticDatasets.fast(Timeframe.H24), 11, true, FitObserver.NONE, msb.core.Progress.NOWHERE).fit(leaked, ModelKind.STACK);
        try (var p = other.pipeline()) {
            ProbAsserts.assertProbsClose(result.scores().raw(), other.scores().raw(), "validation scores");
            ProbAsserts.assertProbsClose(result.scores().chainedProbs(), other.scores().chainedProbs(), "forward-chained validation probabilities");
            int[] val = ds.rowsOf(Split.VAL);
            ProbAsserts.assertProbsClose(result.pipeline().predict(ds.x(), val), p.predict(x, val), "shipped predictions on VAL rows");
        }
    }

    @Test
    void sameSeedGivesTheSamePredictions() {
        FitResult again = new StackTrainer(SyntheticDatasets.fast(Timeframe.H24), 11, true, FitObserver.NONE, msb.core.Progress.NOWHERE).fit(ds, ModelKind.STACK);
        try (var p = again.pipeline()) {
            int[] rows = ds.rowsOf(Split.TEST);
            ProbAsserts.assertProbsClose(result.pipeline().predict(ds.x(), rows), p.predict(ds.x(), rows), "stack, same seed");
            ProbAsserts.assertProbsClose(result.pipeline().predictBma(ds.x(), rows), p.predictBma(ds.x(), rows), "BMA, same seed");
        }
    }
}
