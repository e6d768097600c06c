package msb.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.signal.Metrics;
import msb.signal.Probs;
import msb.model.SequencePredictor;
import msb.signal.Actions;
import msb.signal.SignalSpec;
import msb.signal.Skill;
import msb.signal.Verdict;
import msb.signal.VerdictOptions;
import msb.signal.Verdicts;
import msb.signal.Shares;
import msb.signal.TradingMetrics;

/**
 * Scores one artifact on evaluated rows: classification and signal metrics, the directional-balance check,
 * the decision funnel and the cost-aware trading simulation (both by replaying the live decision logic),
 * and the baselines on the same rows through the same replay.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Class probabilities {@code {p_down, p_neutral, p_up}} for chosen rows of a dataset. */
    @FunctionalInterface
    public interface Scorer {
        double[][] score(Dataset ds, int[] rows);

        /** Row by row through the predictor, fed the model's history window ending at each row. */
        static Scorer of(SequencePredictor p) { return (ds, rows) -> Evaluator.score(ds, rows, p); }
    }

    /**
     * What is evaluated: an artifact's identity, its scorer (and the BMA second opinion's, or null) and the
     * manifest it came with.
     */
    /**
     * @param signal          what the artifact's decision logic acts on (centred by its reference drift, or raw)
     * @param trainLabelPrior class frequencies {down, neutral, up} of the artifact's TRAIN labels
     * @param horizonBars     the label horizon: the shortest bootstrap block
     */
    public record Subject(String artifact, String model, boolean promoted, Scorer scorer, Scorer bmaScorer,
                          Map<String, Object> provenance, SignalSpec signal, double[] trainLabelPrior, int horizonBars) {
        public Subject {
            if (signal == null) signal = SignalSpec.RAW;
            if (trainLabelPrior == null || trainLabelPrior.length != 3) throw new IllegalArgumentException("the TRAIN label prior {down, neutral, up} is required");
        }

        public Subject(String artifact, String model, boolean promoted, SequencePredictor predictor,
                       Map<String, Object> provenance, SignalSpec signal, double[] trainLabelPrior) {
            this(artifact, model, promoted, Scorer.of(predictor), null, provenance, signal, trainLabelPrior, 1);
        }
    }

    /**
     * @param opts the verdict limits (the artifact's timeframe defaults or stricter); S_MIN is the replay's
     */
    public static ArtifactEvaluation evaluate(Subject subject, Dataset ds, EvalRows rows, DecisionReplay replay,
                                              VerdictOptions opts) {
        double[][] probs = subject.scorer().score(ds, rows.datasetRows());
        double[][] bma = subject.bmaScorer() == null ? null : subject.bmaScorer().score(ds, rows.datasetRows());
        int n = rows.size();
        int[] y = rows.label();
        int[] argmax = Metrics.argmax(probs);
        double[] s = Metrics.sModel(probs);
        double[] signal = subject.signal().of(probs);
        double sMin = replay.sMin();
        VerdictOptions o = opts.withSMin(sMin);
        double barsPerYear = rows.tf().barsPerYear();

        ReplayResult sim = replay.withSignal(subject.signal()).replay(rows, probs, bma);
        TradingMetrics.Summary t = TradingMetrics.summarise(sim.netReturns(), sim.positionFrac(), sim.roundTripPnl(),
                barsPerYear);
        long[][] confusion = Metrics.confusion(y, argmax);
        int[] thresholded = Actions.classes(signal, sMin);
        long[][] thresholdConfusion = Metrics.confusion(y, thresholded);

        Skill.Report skill = Skill.of(s, y, rows.fwdReturn(), o.bootstrap(subject.horizonBars()));
        EvaluationMetrics m = new EvaluationMetrics(n, num(Metrics.accuracy(y, argmax)), num(Metrics.balancedAccuracy(y, argmax)),
                num(Metrics.macroF1(y, argmax)), num(Metrics.mcc(y, argmax)), num(Metrics.logLoss(y, probs)), num(Metrics.brier(y, probs)),
                num(Metrics.ece(y, probs, Metrics.ECE_BINS)), Metrics.ECE_BINS, confusionMap(confusion), perClass(Metrics.recall(confusion)),
                perClass(Metrics.precision(confusion)), perClass(Metrics.recall(thresholdConfusion)),
                perClass(Metrics.precision(thresholdConfusion)), sMin, subject.signal().describe(), subject.signal().referenceDrift(),
                num(Metrics.min(s)), num(Metrics.max(s)), Shares.of(Metrics.signShares(s)), num(skill.ic().value()), num(skill.ic().lo()),
                num(skill.ic().hi()), num(skill.directionAuc().value()), num(skill.directionAuc().lo()), num(skill.directionAuc().hi()),
                num(t.sharpe()), num(t.sortino()), num(t.totalReturn()), num(t.annualisedReturn()), num(t.maxDrawdownFrac()),
                t.roundTrips(), num(t.winRate()), num(t.turnoverPerBar()), num(t.exposureFrac()), num(t.psr()), barsPerYear, null, null, null);

        Baselines.Result b = Baselines.run(ds, rows, replay);
        Map<String, Map<String, Boolean>> beats = new TreeMap<>();
        double ba = Metrics.balancedAccuracy(y, argmax), ll = Metrics.logLoss(y, probs);
        for (var e : b.scores().entrySet()) {
            Map<String, Boolean> v = new TreeMap<>();
            v.put("balanced_accuracy", better(ba, e.getValue().balancedAccuracy(), true));
            v.put("log_loss", better(ll, e.getValue().logLoss(), false));
            v.put("sharpe_net", better(t.sharpe(), e.getValue().sharpeNet(), true));
            beats.put(e.getKey(), Collections.unmodifiableMap(v));
        }

        List<Verdict> verdicts = verdicts(subject, rows, probs, signal, skill, sim.funnel(), o);
        List<String> reasons = Verdicts.failed(verdicts);
        var series = new ArtifactEvaluation.Series(rows.ts(), s, probs, y, sim.netReturns(), sim.equity(),
                b.buyHoldEquity());
        return new ArtifactEvaluation(rows.tf().label(), ds.symbol(), subject.artifact(), subject.model(), subject.promoted(),
                List.of(), !reasons.isEmpty(), reasons, verdicts, Shares.ofClasses(thresholded), Shares.ofClasses(argmax),
                Shares.ofClasses(y), m, b.scores(), Collections.unmodifiableMap(beats),
                sim.funnel(), null, subject.provenance(), series);
    }

    /**
     * The evaluated rows' verdicts, by the same functions train's gates call: direction_skill, the policy verdicts
     * (inert, one_sided, two_sided) on the artifact's signal, calibration and lift on its probabilities, then
     * no_oos_skill and blocked_direction (the decision replay).
     */
    static List<Verdict> verdicts(Subject subject, EvalRows rows, double[][] probs, double[] signal, Skill.Report skill,
                                  Funnel funnel, VerdictOptions o) {
        int[] y = rows.label();
        String what = String.format(java.util.Locale.ROOT, "%,d evaluated rows", rows.size());
        String policy = what + " (" + subject.signal().mode().label() + " signal)";
        List<Verdict> v = new ArrayList<>(Verdicts.ofModel(skill, what, signal, probs, y, subject.trainLabelPrior(), o, policy));
        v.add(Verdicts.noOosSkill(probs, y, subject.trainLabelPrior(), skill, what));
        v.add(DirectionalBalance.blockedDirection(funnel));
        return List.copyOf(v);
    }

    /**
     * Adds {@code deflated_sharpe} to each evaluation of a timeframe when several were compared: the PSR of its
     * returns against the expected maximum Sharpe of that many unskilled runs.
     */
    public static List<ArtifactEvaluation> withDeflatedSharpe(List<ArtifactEvaluation> evals) {
        Map<String, List<Integer>> byTf = new LinkedHashMap<>();
        for (int i = 0; i < evals.size(); i++) byTf.computeIfAbsent(evals.get(i).tf(), k -> new ArrayList<>()).add(i);
        List<ArtifactEvaluation> out = new ArrayList<>(evals);
        for (List<Integer> idx : byTf.values()) {
            if (idx.size() < 2) continue;
            double[] sharpes = idx.stream().mapToDouble(i -> TradingMetrics.sharpePerBar(evals.get(i).series().netReturns()))
                    .filter(Double::isFinite).toArray();
            for (int i : idx) {
                out.set(i, evals.get(i).withMetrics(evals.get(i).metrics().withDeflatedSharpe(
                        num(TradingMetrics.deflatedSharpe(evals.get(i).series().netReturns(), sharpes)), sharpes.length)));
            }
        }
        return List.copyOf(out);
    }

    /** Probabilities for each row from the predictor, fed the model's history window ending at that row. */
    public static double[][] score(Dataset ds, int[] rows, SequencePredictor predictor) {
        int h = predictor.historyRows();
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r - h + 1 < 0) {
                throw new IllegalArgumentException("row " + r + " has fewer than " + h + " rows of history");
            }
            double[][] window = new double[h][];
            for (int j = 0; j < h; j++) window[j] = ds.x()[r - h + 1 + j];
            Probs p = predictor.predict(window);
            out[k] = new double[]{p.down(), p.neutral(), p.up()};
        }
        return out;
    }

    /** The test split's rows, or an error naming the dataset when it has none. */
    public static int[] testRows(Dataset ds) {
        int[] rows = ds.rowsOf(Split.TEST);
        if (rows.length == 0) {
            throw new msb.core.UserInputException("dataset " + ds.symbol() + " " + ds.tf().label()
                    + " has no test rows; rebuild it with `msb dataset build --tf " + ds.tf().label() + "`");
        }
        return rows;
    }

    private static Boolean better(double model, Double baseline, boolean higherIsBetter) {
        if (baseline == null || !Double.isFinite(model) || !Double.isFinite(baseline)) return null;
        return higherIsBetter ? model > baseline : model < baseline;
    }

    static Double num(double v) { return Double.isFinite(v) ? v : null; }

    private static EvaluationMetrics.PerClass perClass(double[] v) {
        return new EvaluationMetrics.PerClass(num(v[0]), num(v[1]), num(v[2]));
    }

    /** true class -> predicted class -> rows. */
    private static Map<String, Map<String, Long>> confusionMap(long[][] c) {
        String[] names = {"down", "neutral", "up"};
        Map<String, Map<String, Long>> m = new TreeMap<>();
        for (int t = 0; t < 3; t++) {
            Map<String, Long> row = new TreeMap<>();
            for (int p = 0; p < 3; p++) row.put(names[p], c[t][p]);
            m.put(names[t], Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(m);
    }

}
