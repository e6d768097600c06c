package msb.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.core.Timeframe;
import msb.dataset.Dataset;
import msb.signal.Actions;
import msb.signal.Metrics;
import msb.signal.Shares;
import msb.signal.Skill;
import msb.signal.Verdict;
import msb.signal.VerdictOptions;
import msb.signal.Verdicts;

/**
 * Training's promotion verdicts (SPEC section 5), judged by {@link Verdicts} on the validation scores of
 * {@link ValidationScores}: ranking skill on uncalibrated out-of-sample scores, everything that needs calibrated
 * probabilities on the forward-chained rows. Nothing here grades a model on rows it was fitted on.
 */
public final class Gates {
    private Gates() {}

    /** The verdicts and the metrics a fitted run is judged and reported by. */
    public record Judged(Map<String, Verdict> verdicts, ArtifactMetrics metrics) {}

    /** Verdicts decided before fitting: enough training rows, and the dataset is of the requested timeframe. */
    public static Map<String, Verdict> beforeFit(int trainRows, Timeframe datasetTf, Timeframe requestedTf, VerdictOptions o) {
        Map<String, Verdict> g = new LinkedHashMap<>();
        g.put(Verdicts.MIN_TRAIN_ROWS, Verdicts.minTrainRows(trainRows, o));
        g.put(Verdicts.TIMEFRAME, Verdicts.timeframe(datasetTf.label(), requestedTf.label()));
        return g;
    }

    /**
     * @param r           what fitting produced
     * @param ds          the dataset (labels and forward returns of the VAL rows)
     * @param train       TRAIN rows (the label prior the lift verdict compares against)
     * @param horizonBars the label horizon: the shortest bootstrap block
     */
    public static Judged onValidation(FitResult r, Dataset ds, int[] train, VerdictOptions o, int horizonBars) {
        int[] val = r.valRows();
        ValidationScores sc = r.scores();
        int[] yVal = Labels.of(ds.label(), val);
        double[] fwd = new double[val.length];
        for (int i = 0; i < val.length; i++) fwd[i] = ds.fwdReturn()[val[i]];
        double[] prior = Metrics.frequencies(Labels.of(ds.label(), train));

        double[] rawS = Metrics.sModel(sc.raw());
        Skill.Report skill = Skill.of(rawS, yVal, fwd, o.bootstrap(horizonBars));
        int[] yChained = new int[sc.chainedIndex().length];
        for (int i = 0; i < yChained.length; i++) yChained[i] = yVal[sc.chainedIndex()[i]];
        double[] signal = sc.chainedSignal();
        String rankRows = String.format(Locale.ROOT, "%,d VAL rows (uncalibrated out-of-sample scores)", val.length);
        String chainRows = String.format(Locale.ROOT, "%,d VAL rows (forward-chained calibration, %s signal)", yChained.length,
                sc.shipped().mode().label());

        Map<String, Verdict> g = new LinkedHashMap<>();
        for (Verdict v : Verdicts.ofModel(skill, rankRows, signal, sc.chainedProbs(), yChained, prior, o, chainRows)) g.put(v.name(), v);

        ValidationMetrics vm = metrics(val.length, sc.chainedProbs(), signal, yChained, prior, o, skill, sc.evidence());
        ValidationMetrics bma = null;
        if (r.bmaValProbs() != null) {
            double[] bs = sc.shipped().of(r.bmaValProbs());
            bma = metrics(val.length, r.bmaValProbs(), bs, yVal, prior, o,
                    Skill.of(Metrics.sModel(r.bmaValProbs()), yVal, fwd, o.bootstrap(horizonBars)), null);
        }
        return new Judged(g, new ArtifactMetrics(vm, bma));
    }

    /**
     * The same verdicts on the VAL rows {@code keep} accepts (one symbol of a pooled run): its uncalibrated scores
     * and its forward-chained rows, picked out of the pooled ones, so nothing is refitted.
     *
     * @param train the TRAIN rows whose label prior lift compares against
     */
    public static Map<String, Verdict> onValidationRows(FitResult r, Dataset ds, int[] train, VerdictOptions o, int horizonBars,
                                                        java.util.function.IntPredicate keep) {
        int[] val = r.valRows();
        ValidationScores sc = r.scores();
        int[] newPos = new int[val.length];
        List<Integer> kept = new ArrayList<>();
        for (int p = 0; p < val.length; p++) {
            newPos[p] = keep.test(val[p]) ? kept.size() : -1;
            if (newPos[p] >= 0) kept.add(p);
        }
        int[] subVal = kept.stream().mapToInt(p -> val[p]).toArray();
        double[][] raw = kept.stream().map(p -> sc.raw()[p]).toArray(double[][]::new);
        List<Integer> chained = new ArrayList<>();
        for (int j = 0; j < sc.chainedIndex().length; j++) if (newPos[sc.chainedIndex()[j]] >= 0) chained.add(j);
        int[] idx = chained.stream().mapToInt(j -> newPos[sc.chainedIndex()[j]]).toArray();
        double[][] probs = chained.stream().map(j -> sc.chainedProbs()[j]).toArray(double[][]::new);
        double[] drift = chained.stream().mapToDouble(j -> sc.chainedDrift()[j]).toArray();
        FitResult sub = new FitResult(r.pipeline(), subVal, new ValidationScores(raw, idx, probs, drift, sc.shipped(), sc.evidence()),
                null, r.calibrationMethod(), r.seeds(), r.timingsMs());
        return onValidation(sub, ds, train, o, horizonBars).verdicts();
    }

    static ValidationMetrics metrics(int rows, double[][] p, double[] signal, int[] y, double[] prior, VerdictOptions o,
                                     Skill.Report skill, ValidationScores.CalibrationEvidence evidence) {
        double[] ms = Metrics.meanSd(signal);
        double[] sm = Metrics.meanSd(Metrics.sModel(p));
        return new ValidationMetrics(rows, y.length, Metrics.logLoss(y, p), Metrics.priorLogLoss(prior, y), Metrics.brier(y, p),
                Metrics.ece(y, p, o.eceBins()), Metrics.balancedAccuracy(y, Metrics.argmax(p)), Actions.of(signal, o.sMin()).shares(),
                Shares.ofClasses(Metrics.argmax(p)), Shares.ofClasses(y), Metrics.min(signal), Metrics.max(signal), ms[0], ms[1],
                o.sMin(), sm[0], skill, evidence);
    }

    /** Names of the failed verdicts, in order. */
    public static List<String> failed(Map<String, Verdict> g) {
        return new ArrayList<>(Verdicts.failed(g.values()));
    }
}
