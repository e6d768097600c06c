package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import msb.core.Timeframe;
import msb.data.DailyWalk;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.evaluate.EngineReplay;
import msb.model.FitObserver;
import msb.model.Hyperparameters;
import msb.model.ModelKind;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    /**
     * Planted check: every component of every fold (scaler, base learners, meta model, calibrators) is fitted
     * only on rows that end, label horizon and embargo included, before the fold's test window.
     */
    @Test
    void eachFoldFitsOnlyOnEarlierRowsAndScoresItsTestWindow() {
        LabelSpec label = LabelSpec.adaptive(2, 0.5, 50);
        var c = DatasetBuilder.compute(DailyWalk.bars(1300, 3), null, null, Timeframe.H24, "BTC", label, SplitSpec.DEFAULT);
        Dataset ds = c.dataset();
        WalkForwardSpec spec = new WalkForwardSpec(WalkForwardSpec.Window.EXPANDING, 500, 200, 0.25, null, 6, 3);
        int purge = spec.purgeBars(label.horizonBars());
        List<Fold> folds = WalkForwardPlan.folds(ds.rows(), label.horizonBars(), spec, "t");
        var replay = EngineReplay.of(Timeframe.H24, StrategyConfig.defaults(Timeframe.H24), c.tfBars());
        Hyperparameters hp = Hyperparameters.defaults(Timeframe.H24);
        List<WalkForward.FoldResult> results = new ArrayList<>();
        for (Fold f : folds) {
            int limit = f.testFrom() - purge - spec.embargoBars();
            List<String> fits = new ArrayList<>();
            FitObserver check = new FitObserver() {
                @Override public void fitted(String component, int[] rows) {
                    fits.add(component);
                    for (int r : rows) assertTrue(r < limit && r >= f.fitFrom(), component + " fitted on row " + r + ", fold " + f.index()
                            + " must stay in [" + f.fitFrom() + ", " + limit + ")");
                }

                @Override public void scored(String component, int[] rows) {
                    for (int r : rows) assertTrue(r < limit, component + " scored row " + r + " for a later fit");
                }
            };
            var r = WalkForward.runFold(ds, f, purge, ModelKind.LOGREG, hp, 11, replay, check);
            assertTrue(fits.contains("scaler") && fits.size() >= 2, "the observer saw the fits: " + fits);
            assertEquals(f.testRows(), r.netReturns().length);
            assertEquals(f.testRows(), ((Number) r.metrics().get("rows")).intValue());
            assertNotNull(r.metrics().get("balanced_accuracy"));
            assertNotNull(r.metrics().get("log_loss"));
            assertTrue(r.baselines().containsKey("always_up") && r.baselines().containsKey("buy_and_hold"));
            // the test window's rows, each once, in order, with the dataset's labels and forward returns
            assertEquals(f.testRows(), r.scores().ts().length);
            for (int k = 0; k < f.testRows(); k++) {
                assertEquals(ds.ts()[f.testFrom() + k], r.scores().ts()[k]);
                assertEquals(ds.label()[f.testFrom() + k], r.scores().labels()[k]);
                assertEquals(ds.fwdReturn()[f.testFrom() + k], r.scores().fwdReturn()[k]);
            }
            assertNotNull(r.metrics().get("direction_auc"));
            results.add(r);
        }
        var pooled = WalkForward.OosScores.concat(results.stream().map(WalkForward.FoldResult::scores).toList());
        var s = WalkForward.summary(results, Timeframe.H24.barsPerYear(), pooled, msb.signal.Skill.BootstrapOptions.DEFAULTS);
        var k = msb.signal.Skill.of(pooled.sModel(), pooled.labels(), pooled.fwdReturn(), msb.signal.Skill.BootstrapOptions.DEFAULTS);
        assertEquals(k.directionAuc().value(), (Double) s.get("direction_auc_pooled"), 1e-12);
        assertEquals(k.ic().lo(), (Double) s.get("ic_pooled_lo"), 1e-12);
        assertEquals(folds.size(), s.get("folds"));
        double mean = results.stream().mapToDouble(r -> ((Number) r.metrics().get("balanced_accuracy")).doubleValue()).average().orElseThrow();
        assertEquals(mean, (Double) s.get("balanced_accuracy_mean"), 1e-12);
        assertTrue((Double) s.get("balanced_accuracy_std") >= 0);
        assertEquals(folds.stream().mapToInt(Fold::testRows).sum(), s.get("oos_rows"));

        var again = WalkForward.runFold(ds, folds.getFirst(), purge, ModelKind.LOGREG, hp, 11, replay, FitObserver.NONE);
        assertEquals(results.getFirst().metrics(), again.metrics(), "same data + same seed -> same fold metrics");
    }
}
