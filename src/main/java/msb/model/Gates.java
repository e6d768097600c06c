package msb.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.core.Timeframe;

/** The promotion gates of SPEC section 5; each returns a recorded result, none throws. */
public final class Gates {
    public static final String MIN_TRAIN_ROWS = "min_train_rows";
    public static final String TIMEFRAME = "timeframe";
    public static final String DIRECTIONAL_BALANCE = "directional_balance";
    public static final String CALIBRATION = "calibration";
    public static final String LIFT = "lift";
    public static final String GATE_SETTINGS = "gate_settings";

    /**
     * A perfectly calibrated model still shows an ECE of a few percent on a few hundred rows. The limit is
     * therefore the larger of max_ece_frac and this quantile of the ECE of labels drawn from the model's own
     * probabilities (a calibration test at the 5% level), so that small VAL splits are judged fairly.
     */
    static final double ECE_NOISE_QUANTILE = 0.95;
    static final int ECE_NOISE_DRAWS = 200;
    static final long ECE_NOISE_SEED = 20_240_601L;

    private Gates() {}

    /** The {@code q} quantile of the ECE when the labels are drawn from {@code p} itself (seeded). */
    static double eceNoiseQuantile(double[][] p, int bins, double q, int draws, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int[] y = new int[p.length];
        double[] e = new double[draws];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < p.length; i++) {
                double u = rnd.nextDouble();
                y[i] = u < p[i][0] ? 0 : u < p[i][0] + p[i][1] ? 1 : 2;
            }
            e[d] = ProbMetrics.ece(p, y, bins);
        }
        java.util.Arrays.sort(e);
        return e[Math.min(draws - 1, (int) Math.ceil(q * draws) - 1)];
    }

    /** Gates decided before fitting: enough training rows, and the dataset is of the requested timeframe. */
    public static Map<String, GateResult> beforeFit(int trainRows, Timeframe datasetTf, Timeframe requestedTf, GateOptions o) {
        Map<String, GateResult> g = new LinkedHashMap<>();
        g.put(MIN_TRAIN_ROWS, new GateResult(trainRows >= o.minTrainRows(), trainRows + " training rows, minimum "
                + o.minTrainRows() + (trainRows >= o.minTrainRows() ? "" : "; import a longer history or use a finer timeframe")));
        g.put(TIMEFRAME, new GateResult(datasetTf == requestedTf, "dataset timeframe " + datasetTf.label()
                + ", requested --tf " + requestedTf.label()));
        return g;
    }

    /**
     * Gate thresholds may be set stricter than the timeframe's defaults, or weaker to explore, but a run judged
     * by weaker settings is never promoted: this gate fails and names every relaxed setting.
     */
    public static GateResult settings(GateOptions used, GateOptions defaults) {
        List<String> weaker = new ArrayList<>();
        if (used.minTrainRows() < defaults.minTrainRows()) weaker.add("min_train_rows " + used.minTrainRows() + " < " + defaults.minTrainRows());
        if (used.sMin() < defaults.sMin()) weaker.add(fmt("s_min %.4f < %.4f", used.sMin(), defaults.sMin()));
        if (used.labelShareFrac() > defaults.labelShareFrac()) weaker.add(fmt("label_share_frac %.4f > %.4f", used.labelShareFrac(), defaults.labelShareFrac()));
        if (used.minDirectionShareFrac() < defaults.minDirectionShareFrac()) weaker.add(fmt("min_direction_share_frac %.4f < %.4f", used.minDirectionShareFrac(), defaults.minDirectionShareFrac()));
        if (used.maxEceFrac() > defaults.maxEceFrac()) weaker.add(fmt("max_ece_frac %.4f > %.4f", used.maxEceFrac(), defaults.maxEceFrac()));
        return weaker.isEmpty()
                ? new GateResult(true, "gate settings are the timeframe's defaults or stricter")
                : new GateResult(false, "gate settings weaker than the timeframe's defaults: " + String.join(", ", weaker)
                        + "; such a run is recorded but never promoted");
    }

    /**
     * Gates on validation probabilities that no fitted component was fitted on (cross-fitted calibration).
     *
     * @param p          validation probabilities [down, neutral, up]
     * @param y          validation class indices
     * @param trainPrior class frequencies of the TRAIN labels
     */
    public static Map<String, GateResult> onValidation(double[][] p, int[] y, double[] trainPrior, GateOptions o) {
        Map<String, GateResult> g = new LinkedHashMap<>();
        g.put(DIRECTIONAL_BALANCE, directionalBalance(p, y, o));
        double ece = ProbMetrics.ece(p, y, o.eceBins());
        double noise = eceNoiseQuantile(p, o.eceBins(), ECE_NOISE_QUANTILE, ECE_NOISE_DRAWS, ECE_NOISE_SEED);
        double limit = Math.max(o.maxEceFrac(), noise);
        g.put(CALIBRATION, new GateResult(ece <= limit, fmt("ece_frac %.4f (top-label, %d bins, %d cross-fitted VAL rows); limit %.4f = max(max_ece_frac %.4f, "
                + "%.0fth percentile %.4f of the ECE a perfectly calibrated model scores on these rows)",
                ece, o.eceBins(), y.length, limit, o.maxEceFrac(), 100 * ECE_NOISE_QUANTILE, noise)));
        double ll = ProbMetrics.logLoss(p, y), prior = ProbMetrics.priorLogLoss(trainPrior, y);
        g.put(LIFT, new GateResult(ll < prior, fmt("VAL log loss %.5f nats vs %.5f for the TRAIN label prior [down %.3f, neutral %.3f, up %.3f]",
                ll, prior, trainPrior[0], trainPrior[1], trainPrior[2])));
        return g;
    }

    static GateResult directionalBalance(double[][] p, int[] y, GateOptions o) {
        Map<String, Double> labels = ProbMetrics.labelShares(y);
        Map<String, Double> signal = ProbMetrics.signalShares(p, o.sMin());
        Map<String, Double> argmax = ProbMetrics.argmaxShares(p);
        double[] range = ProbMetrics.sModelRange(p);
        boolean pass = range[0] < 0 && range[1] > 0;
        StringBuilder why = new StringBuilder();
        if (!pass) why.append("s_model never takes both signs; ");
        for (String d : new String[]{"down", "up"}) {
            if (labels.get(d) >= o.labelShareFrac() && signal.get(d) < o.minDirectionShareFrac()) {
                pass = false;
                why.append(fmt("%s labels %.1f%% but s_model %s%.2f on only %.1f%% of rows (need %.1f%%); ", d,
                        100 * labels.get(d), d.equals("up") ? ">= +" : "<= -", o.sMin(), 100 * signal.get(d),
                        100 * o.minDirectionShareFrac()));
            }
        }
        // Calibrated probabilities put the mean of s_model near the UP minus DOWN label share; only directional
        // skill (direction AUC above 0.5) spreads s_model past +-S_MIN on both sides. Reported so a failure says which.
        double[] ms = ProbMetrics.sModelMeanSd(p);
        String detail = fmt("s_min %.3f: s_model shares down %.3f / up %.3f; argmax shares down %.3f / neutral %.3f / up %.3f; "
                        + "label shares down %.3f / neutral %.3f / up %.3f; s_model range [%.4f, %.4f], mean %+.4f, sd %.4f; "
                        + "direction AUC (UP vs DOWN rows by s_model) %.3f",
                o.sMin(), signal.get("down"), signal.get("up"), argmax.get("down"), argmax.get("neutral"), argmax.get("up"),
                labels.get("down"), labels.get("neutral"), labels.get("up"), range[0], range[1], ms[0], ms[1],
                ProbMetrics.directionAuc(p, y));
        return new GateResult(pass, pass ? detail : why + detail);
    }

    private static String fmt(String f, Object... a) { return String.format(Locale.ROOT, f, a); }
}
