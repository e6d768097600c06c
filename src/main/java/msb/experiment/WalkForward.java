package msb.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Progress;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.DecisionReplay;
import msb.evaluate.EvalRows;
import msb.evaluate.EvaluationMetrics;
import msb.evaluate.Evaluator;
import msb.signal.Metrics;
import msb.signal.Skill;
import msb.signal.TradingMetrics;
import msb.signal.Verdict;
import msb.model.FitObserver;
import msb.model.FitResult;
import msb.model.Gates;
import msb.model.Hyperparameters;
import msb.model.ModelKind;
import msb.model.Pipeline;
import msb.model.StackTrainer;

/**
 * Walk-forward evaluation: for each {@link Fold}, re-fit the model kind on the fold's train rows (calibrated
 * and gated on its validation rows, exactly as {@code train} does) and score it out of sample on the fold's
 * test window with the same evaluator as {@code evaluate} (metrics, baselines, the live decision replay).
 * Nothing is written; the fitted pipelines are closed after each fold.
 */
public final class WalkForward {
    private WalkForward() {}

    /** One fold's out-of-sample outcome. {@code netReturns} are the replay's per-bar net returns. */
    public record FoldResult(Fold fold, long testFromTs, long testToTs, Map<String, Object> metrics,
                             Map<String, ArtifactEvaluation.Baseline> baselines, Map<String, Verdict> gates,
                             Map<String, Double> predictedShares, double[] netReturns, OosScores scores, long fitMs) {}

    /**
     * The out-of-sample rows scored, per row: bar close time, s_model, label and forward return. Kept so that two
     * runs (two feature sets) can be compared on the bars both scored ({@link msb.signal.Skill#paired}).
     */
    public record OosScores(long[] ts, double[] sModel, int[] labels, double[] fwdReturn) {
        static OosScores concat(List<OosScores> parts) {
            int n = parts.stream().mapToInt(p -> p.ts().length).sum();
            long[] ts = new long[n];
            double[] s = new double[n], f = new double[n];
            int[] y = new int[n];
            int k = 0;
            for (OosScores p : parts) {
                int m = p.ts().length;
                System.arraycopy(p.ts(), 0, ts, k, m);
                System.arraycopy(p.sModel(), 0, s, k, m);
                System.arraycopy(p.labels(), 0, y, k, m);
                System.arraycopy(p.fwdReturn(), 0, f, k, m);
                k += m;
            }
            return new OosScores(ts, s, y, f);
        }
    }

    /** Every fold plus the aggregate over them; {@code scores} are every fold's test rows in order. */
    public record Result(List<FoldResult> folds, Map<String, Object> summary, double[] netReturns, OosScores scores) {}

    public static Result run(Dataset ds, List<Fold> folds, int purgeBars, ModelKind kind, Hyperparameters hp, long seed,
                             DecisionReplay replay, boolean quiet, PrintStream err) {
        List<FoldResult> out = new ArrayList<>();
        try (Progress bar = Progress.start(err, "walk-forward " + ds.tf().label() + " " + kind.id(), folds.size(), quiet)) {
            for (Fold f : folds) {
                out.add(runFold(ds, f, purgeBars, kind, hp, seed, replay, FitObserver.NONE));
                bar.step();
            }
        }
        OosScores scores = OosScores.concat(out.stream().map(FoldResult::scores).toList());
        return new Result(List.copyOf(out), summary(out, ds.tf().barsPerYear(), scores, hp.gates().bootstrap(Math.max(1, purgeBars))),
                concat(out), scores);
    }

    static FoldResult runFold(Dataset ds, Fold f, int purgeBars, ModelKind kind, Hyperparameters hp, long seed,
                              DecisionReplay replay, FitObserver observer) {
        Dataset fd = ds.withSplit(f.splits(ds.rows(), purgeBars));
        long t0 = System.nanoTime();
        FitResult r = new StackTrainer(hp, seed + f.index(), true, observer, Progress.NOWHERE).fit(fd, kind);
        long fitMs = (System.nanoTime() - t0) / 1_000_000;
        try (Pipeline p = r.pipeline()) {
            int[] train = fd.rowsOf(Split.TRAIN);
            int[] trainLabels = new int[train.length];
            for (int i = 0; i < train.length; i++) trainLabels[i] = fd.label()[train[i]];
            double[] prior = Metrics.frequencies(trainLabels);
            Map<String, Verdict> gates = new LinkedHashMap<>(Gates.beforeFit(train.length, ds.tf(), ds.tf(), hp.gates()));
            gates.putAll(Gates.onValidation(r, fd, train, hp.gates(), purgeBars).verdicts());
            Evaluator.Scorer scorer = (d, rows) -> p.predict(d.x(), rows);
            Evaluator.Scorer bma = p.hasBma() ? (d, rows) -> p.predictBma(d.x(), rows) : null;
            var subject = new Evaluator.Subject("walk-forward fold " + f.index(), kind.id(), false, scorer, bma, Map.of(),
                    r.scores().shipped(), prior, Math.max(1, purgeBars));
            EvalRows rows = EvalRows.of(fd, f.testRowNumbers());
            ArtifactEvaluation e = Evaluator.evaluate(subject, fd, rows, replay, hp.gates());
            Map<String, Object> m = new TreeMap<>();
            EvaluationMetrics em = e.metrics();
            m.put("rows", em.rows());
            m.put("balanced_accuracy", em.balancedAccuracy());
            m.put("log_loss", em.logLoss());
            m.put("sharpe_net", em.sharpeNet());
            m.put("psr", em.psr());
            m.put("total_return", em.totalReturn());
            m.put("mcc", em.mcc());
            m.put("ece", em.ece());
            m.put("direction_auc", em.directionAuc());
            m.put("direction_auc_lo", em.directionAucLo());
            m.put("direction_auc_hi", em.directionAucHi());
            m.put("ic", em.ic());
            m.put("ic_lo", em.icLo());
            m.put("ic_hi", em.icHi());
            m.put("train_rows", f.trainRows());
            m.put("val_rows", f.valRows());
            m.put("flagged", e.flagged());
            Map<String, Double> shares = new TreeMap<>();
            shares.put("down", e.predictedShares().down());
            shares.put("neutral", e.predictedShares().neutral());
            shares.put("up", e.predictedShares().up());
            return new FoldResult(f, ds.ts()[f.testFrom()], ds.ts()[f.testTo() - 1], m, e.baselines(), gates, shares,
                    e.series().netReturns(), new OosScores(rows.ts(), e.series().sModel(), rows.label(), rows.fwdReturn()), fitMs);
        }
    }

    /**
     * Mean and sample standard deviation of each per-fold metric, the pooled out-of-sample Sharpe and PSR, and the
     * direction AUC and IC of every fold's test rows pooled, with block-bootstrap intervals.
     */
    static Map<String, Object> summary(List<FoldResult> folds, double barsPerYear, OosScores pooledScores,
                                       Skill.BootstrapOptions boot) {
        Map<String, Object> s = new TreeMap<>();
        s.put("folds", folds.size());
        for (String k : List.of("balanced_accuracy", "log_loss", "sharpe_net")) {
            double[] v = folds.stream().map(f -> f.metrics().get(k)).filter(x -> x instanceof Number)
                    .mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            s.put(k + "_mean", v.length == 0 ? null : finite(mean(v)));
            s.put(k + "_std", v.length < 2 ? null : finite(std(v)));
        }
        long passed = folds.stream().filter(f -> f.gates().values().stream().allMatch(Verdict::passed)).count();
        s.put("folds_passing_gates", passed);
        double[] pooled = concat(folds);
        s.put("oos_rows", pooled.length);
        s.put("sharpe_net_pooled", finite(TradingMetrics.sharpe(pooled, barsPerYear)));
        s.put("psr_pooled", finite(TradingMetrics.psr(pooled, 0)));
        s.put("total_return_pooled", finite(TradingMetrics.totalReturn(pooled)));
        if (pooledScores.ts().length > 0) {
            Skill.Report k = Skill.of(pooledScores.sModel(), pooledScores.labels(), pooledScores.fwdReturn(), boot);
            s.put("direction_auc_pooled", finite(k.directionAuc().value()));
            s.put("direction_auc_pooled_lo", finite(k.directionAuc().lo()));
            s.put("direction_auc_pooled_hi", finite(k.directionAuc().hi()));
            s.put("ic_pooled", finite(k.ic().value()));
            s.put("ic_pooled_lo", finite(k.ic().lo()));
            s.put("ic_pooled_hi", finite(k.ic().hi()));
        }
        return s;
    }

    static double[] concat(List<FoldResult> folds) {
        int n = folds.stream().mapToInt(f -> f.netReturns().length).sum();
        double[] out = new double[n];
        int k = 0;
        for (FoldResult f : folds) {
            System.arraycopy(f.netReturns(), 0, out, k, f.netReturns().length);
            k += f.netReturns().length;
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
