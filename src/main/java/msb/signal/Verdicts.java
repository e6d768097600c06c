package msb.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every verdict of SPEC section 5, one implementation each; train's promotion gates and {@code evaluate}'s
 * flags call these. Labels are -1/0/1; probability rows are {down, neutral, up}. Each verdict carries the
 * figures that decided it. None throws on a weak model: a verdict is recorded, never an exception.
 */
public final class Verdicts {
    public static final String MIN_TRAIN_ROWS = "min_train_rows";
    public static final String TIMEFRAME = "timeframe";
    public static final String GATE_SETTINGS = "gate_settings";
    public static final String DIRECTION_SKILL = "direction_skill";
    public static final String TWO_SIDED = "two_sided";
    public static final String INERT = "inert";
    public static final String ONE_SIDED = "one_sided";
    public static final String CALIBRATION = "calibration";
    public static final String LIFT = "lift";
    public static final String BLOCKED_DIRECTION = "blocked_direction";
    public static final String NO_OOS_SKILL = "no_oos_skill";

    /** The order verdicts are listed in: before fitting, settings, skill, policy, probabilities, evaluate's own. */
    public static final java.util.List<String> ORDER = java.util.List.of(MIN_TRAIN_ROWS, TIMEFRAME, GATE_SETTINGS,
            DIRECTION_SKILL, INERT, ONE_SIDED, TWO_SIDED, CALIBRATION, LIFT, NO_OOS_SKILL, BLOCKED_DIRECTION);

    /** Names in {@link #ORDER} (unknown names last, alphabetically). */
    public static java.util.Comparator<String> byOrder() {
        return java.util.Comparator.<String>comparingInt(n -> ORDER.contains(n) ? ORDER.indexOf(n) : ORDER.size())
                .thenComparing(java.util.Comparator.naturalOrder());
    }

    /** AUC and IC of a signal without skill. */
    public static final double CHANCE_AUC = 0.5;

    /**
     * A perfectly calibrated model still shows an ECE of a few percent on a few hundred rows. The limit is
     * therefore the larger of max_ece_frac and this quantile of the ECE of labels drawn from the model's own
     * probabilities (a calibration test at the 5% level), so that small splits are judged fairly.
     */
    static final double ECE_NOISE_QUANTILE = 0.95;
    static final int ECE_NOISE_DRAWS = 200;
    static final long ECE_NOISE_SEED = 20_240_601L;

    private Verdicts() {}

    /** Enough training rows (decided before fitting). */
    public static Verdict minTrainRows(int trainRows, VerdictOptions o) {
        boolean ok = trainRows >= o.minTrainRows();
        return new Verdict(MIN_TRAIN_ROWS, ok, trainRows + " training rows, minimum " + o.minTrainRows()
                + (ok ? "" : "; import a longer history or use a finer timeframe"),
                figures("train_rows", trainRows, "min_train_rows", o.minTrainRows()));
    }

    /** The dataset is of the timeframe asked for. */
    public static Verdict timeframe(String datasetTf, String requestedTf) {
        return new Verdict(TIMEFRAME, datasetTf.equals(requestedTf), "dataset timeframe " + datasetTf + ", requested --tf " + requestedTf);
    }

    /**
     * Settings may be stricter than the timeframe's defaults, or weaker to explore, but a run judged by weaker
     * settings is never promoted: this verdict fails and names every relaxed setting.
     */
    public static Verdict settings(VerdictOptions used, VerdictOptions defaults) {
        List<String> weaker = used.weakerThan(defaults);
        return weaker.isEmpty()
                ? new Verdict(GATE_SETTINGS, true, "gate settings are the timeframe's defaults or stricter")
                : new Verdict(GATE_SETTINGS, false, "gate settings weaker than the timeframe's defaults: " + String.join(", ", weaker)
                        + "; such a run is recorded but never promoted");
    }

    /**
     * direction_skill: passes when the lower bound of the direction AUC's block-bootstrap interval is above 0.5.
     *
     * @param what the rows and scores, e.g. "6,600 VAL rows, uncalibrated out-of-sample scores"
     */
    public static Verdict directionSkill(Skill.Report r, String what) {
        boolean ok = r.directionAuc().lowerBoundAbove(CHANCE_AUC);
        String detail = f("direction AUC %s and IC %s on %s, %,d of them UP/DOWN (%.0f%% block bootstrap, %d draws of %d-bar blocks): %s",
                auc(r.directionAuc(), r.level()), ic(r.ic(), r.level()), what, r.directional(), 100 * r.level(), r.draws(), r.blockBars(),
                !r.directionAuc().defined() ? "undefined (needs UP and DOWN rows)"
                        : ok ? "the lower bound beats chance (0.5)" : "the interval includes chance (0.5): no evidence of skill");
        return new Verdict(DIRECTION_SKILL, ok, detail, skillFigures(r));
    }

    static Map<String, Double> skillFigures(Skill.Report r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("direction_auc", r.directionAuc().value());
        m.put("direction_auc_lo", r.directionAuc().lo());
        m.put("direction_auc_hi", r.directionAuc().hi());
        m.put("ic", r.ic().value());
        m.put("ic_lo", r.ic().lo());
        m.put("ic_hi", r.ic().hi());
        m.put("rows", (double) r.rows());
        m.put("directional_rows", (double) r.directional());
        m.put("block_bars", (double) r.blockBars());
        return m;
    }

    /**
     * The policy verdicts on a signal: inert, one_sided and two_sided, in that order.
     *
     * @param signal what the policy acts on, per row (centred or raw, as the artifact says)
     * @param labels -1/0/1 per row
     * @param what   e.g. "5,280 VAL rows (forward-chained calibration), centred signal"
     */
    public static List<Verdict> policy(double[] signal, int[] labels, VerdictOptions o, String what) {
        Actions a = Actions.of(signal, o.sMin());
        double[] base = Metrics.frequencies(labels);
        return List.of(inert(a, o, what), oneSided(a, signal, base, o, what), twoSided(signal, labels, base, o, what));
    }

    static Verdict inert(Actions a, VerdictOptions o, String what) {
        boolean ok = a.actedFrac() >= o.minActionShareFrac();
        String detail = f("acts on %s of %s (UP %s, DOWN %s) at |signal| >= %.3f; %s %s",
                pct(a.actedFrac()), what, pct(a.shares().up()), pct(a.shares().down()), o.sMin(),
                ok ? "minimum" : "under the minimum", pct(o.minActionShareFrac()));
        return new Verdict(INERT, ok, detail, figures("acted_frac", a.actedFrac(), "up_frac", a.shares().up(),
                "down_frac", a.shares().down(), "min_action_share_frac", o.minActionShareFrac(), "s_min", o.sMin()));
    }

    static Verdict oneSided(Actions a, double[] signal, double[] base, VerdictOptions o, String what) {
        boolean bothLabels = base[0] >= o.minLabelShareFrac() && base[2] >= o.minLabelShareFrac();
        long pos = Arrays.stream(signal).filter(s -> s > 0).count(), neg = Arrays.stream(signal).filter(s -> s < 0).count();
        Map<String, Double> fig = figures("up_actions", a.up(), "down_actions", a.down(), "minority_frac", a.minorityFrac(),
                "min_minority_share_frac", o.minMinorityShareFrac(), "label_up_frac", base[2], "label_down_frac", base[0],
                "signal_min", Metrics.min(signal), "signal_max", Metrics.max(signal));
        String labelsText = f("labels %s UP / %s DOWN", pct(base[2]), pct(base[0]));
        if (!bothLabels) {
            return new Verdict(ONE_SIDED, true, f("not judged: the %s hold one direction only (%s)", what, labelsText), fig);
        }
        if (signal.length > 0 && (pos == 0 || neg == 0)) {
            return new Verdict(ONE_SIDED, false, f("the signal never changes sign: between %+.4f and %+.4f on all %s while %s",
                    Metrics.min(signal), Metrics.max(signal), what, labelsText), fig);
        }
        if (a.acted() > 0 && a.minorityFrac() < o.minMinorityShareFrac()) {
            return new Verdict(ONE_SIDED, false, f("acts UP %d and DOWN %d times on %s: the %s side is %s of its actions, under the %s floor, while %s",
                    a.up(), a.down(), what, a.up() < a.down() ? "UP" : "DOWN", pct(a.minorityFrac()), pct(o.minMinorityShareFrac()), labelsText), fig);
        }
        return new Verdict(ONE_SIDED, true, a.acted() == 0
                ? f("no actions to judge on %s (see inert); the signal takes both signs", what)
                : f("acts UP %d and DOWN %d times on %s: the minority side is %s of its actions (floor %s)",
                        a.up(), a.down(), what, pct(a.minorityFrac()), pct(o.minMinorityShareFrac())), fig);
    }

    /**
     * two_sided: each direction's calls beat chance. In the top tail (signal >= +S_MIN) the UP rate must exceed
     * the UP rate of the rows where the policy does not act (the middle band), in the bottom tail the DOWN rate
     * the middle's DOWN rate, each by a two-proportion z test at one-sided tail_confidence_frac. The middle, not
     * all rows, is the reference: a model that knows only UP moves lowers the overall DOWN rate through its top
     * tail, and its bottom tail would then "beat" a base rate it has no skill against. With fewer than
     * min_tail_rows middle rows, the reference is every row outside the tail. A tail with fewer than
     * min_tail_rows rows is insufficient evidence.
     */
    static Verdict twoSided(double[] signal, int[] labels, double[] base, VerdictOptions o, String what) {
        double zNeed = Metrics.normalQuantile(o.tailConfidenceFrac());
        Tail top = tail(signal, labels, 1, o.sMin(), o.minTailRows()), bottom = tail(signal, labels, -1, o.sMin(), o.minTailRows());
        boolean topOk = top.rows >= o.minTailRows() && top.z >= zNeed, bottomOk = bottom.rows >= o.minTailRows() && bottom.z >= zNeed;
        String detail = f("on %s: %s; %s (need z >= %.2f, one-sided %.0f%%, and >= %d rows per tail)", what,
                top.describe("top", "UP", o.sMin(), o.minTailRows(), zNeed), bottom.describe("bottom", "DOWN", o.sMin(), o.minTailRows(), zNeed),
                zNeed, 100 * o.tailConfidenceFrac(), o.minTailRows());
        Map<String, Double> fig = new LinkedHashMap<>();
        fig.put("top_rows", (double) top.rows);
        fig.put("top_up_rate", top.rate);
        fig.put("up_reference_rate", top.reference);
        fig.put("top_z", top.z);
        fig.put("bottom_rows", (double) bottom.rows);
        fig.put("bottom_down_rate", bottom.rate);
        fig.put("down_reference_rate", bottom.reference);
        fig.put("bottom_z", bottom.z);
        fig.put("z_needed", zNeed);
        return new Verdict(TWO_SIDED, topOk && bottomOk, detail, fig);
    }

    private record Tail(int rows, double rate, double reference, String referenceName, double z) {
        String describe(String side, String dir, double sMin, int minRows, double zNeed) {
            if (rows < minRows) return f("%s tail (signal %s%.3f) has %d rows: insufficient evidence", side, side.equals("top") ? ">= +" : "<= -", sMin, rows);
            return f("%s tail %d rows, %s rate %s vs %s %s in %s (z %+.2f%s)", side, rows, dir, pct(rate), dir, pct(reference),
                    referenceName, z, z >= zNeed ? "" : ", does not beat chance");
        }
    }

    /** The tail's hit rate against the middle band's (or, with too few middle rows, every row outside the tail). */
    private static Tail tail(double[] s, int[] y, int dir, double sMin, int minRows) {
        int rows = 0, hits = 0, mid = 0, midHits = 0, out = 0, outHits = 0;
        for (int i = 0; i < s.length; i++) {
            boolean in = dir > 0 ? s[i] >= sMin : s[i] <= -sMin;
            boolean middle = s[i] < sMin && s[i] > -sMin;
            if (in) {
                rows++;
                if (y[i] == dir) hits++;
            } else {
                out++;
                if (y[i] == dir) outHits++;
                if (middle) {
                    mid++;
                    if (y[i] == dir) midHits++;
                }
            }
        }
        boolean useMiddle = mid >= minRows;
        int refRows = useMiddle ? mid : out, refHits = useMiddle ? midHits : outHits;
        double rate = rows == 0 ? Double.NaN : (double) hits / rows;
        double ref = refRows == 0 ? Double.NaN : (double) refHits / refRows;
        double pooled = (double) (hits + refHits) / Math.max(1, rows + refRows);
        double sd = Math.sqrt(pooled * (1 - pooled) * (1.0 / Math.max(1, rows) + 1.0 / Math.max(1, refRows)));
        double z = rows == 0 || refRows == 0 || sd == 0 ? Double.NaN : (rate - ref) / sd;
        return new Tail(rows, rate, ref, useMiddle ? "the middle band" : "the other rows", z);
    }

    /**
     * The verdicts on a model's scores that train's promotion gates and evaluate's flags share, in {@link #ORDER}:
     * direction_skill on the ranking rows, then inert, one_sided, two_sided, calibration and lift on the rows the
     * policy acts on (the same rows in evaluate; forward-chained VAL rows in train).
     *
     * @param skill      the ranking skill of the scores, on {@code rankRows}
     * @param signal     what the policy acts on, per policy row
     * @param probs      calibrated probabilities {down, neutral, up}, per policy row
     * @param labels     -1/0/1 per policy row
     * @param trainPrior class frequencies of the TRAIN labels
     */
    public static List<Verdict> ofModel(Skill.Report skill, String rankRows, double[] signal, double[][] probs, int[] labels,
                                        double[] trainPrior, VerdictOptions o, String policyRows) {
        List<Verdict> v = new ArrayList<>();
        v.add(directionSkill(skill, rankRows));
        v.addAll(policy(signal, labels, o, policyRows));
        v.add(calibration(probs, labels, o, policyRows));
        v.add(lift(probs, labels, trainPrior, policyRows));
        return List.copyOf(v);
    }

    /** calibration: top-label ECE within the larger of max_ece_frac and the ECE noise of a calibrated model. */
    public static Verdict calibration(double[][] p, int[] y, VerdictOptions o, String what) {
        double ece = Metrics.ece(y, p, o.eceBins());
        double noise = eceNoiseQuantile(p, o.eceBins(), ECE_NOISE_QUANTILE, ECE_NOISE_DRAWS, ECE_NOISE_SEED);
        double limit = Math.max(o.maxEceFrac(), noise);
        return new Verdict(CALIBRATION, ece <= limit, f("ece_frac %.4f (top-label, %d bins) on %s; limit %.4f = max(max_ece_frac %.4f, "
                        + "%.0fth percentile %.4f of the ECE a perfectly calibrated model scores on these rows)",
                ece, o.eceBins(), what, limit, o.maxEceFrac(), 100 * ECE_NOISE_QUANTILE, noise),
                figures("ece_frac", ece, "ece_limit_frac", limit, "max_ece_frac", o.maxEceFrac(), "ece_noise_frac", noise));
    }

    /** lift: log loss below that of the TRAIN label prior on the same rows. */
    public static Verdict lift(double[][] p, int[] y, double[] trainPrior, String what) {
        double ll = Metrics.logLoss(y, p), prior = Metrics.priorLogLoss(trainPrior, y);
        return new Verdict(LIFT, ll < prior, f("log loss %.5f nats vs %.5f for the TRAIN label prior [down %.3f, neutral %.3f, up %.3f] on %s",
                ll, prior, trainPrior[0], trainPrior[1], trainPrior[2], what),
                figures("log_loss", ll, "prior_log_loss", prior));
    }

    /**
     * no_oos_skill (evaluate, on TEST): fails when the log loss is worse than the train-label prior's or the
     * direction AUC's interval includes chance.
     */
    public static Verdict noOosSkill(double[][] p, int[] y, double[] trainPrior, Skill.Report r, String what) {
        double ll = Metrics.logLoss(y, p), prior = Metrics.priorLogLoss(trainPrior, y);
        boolean lossOk = ll <= prior, aucOk = r.directionAuc().lowerBoundAbove(CHANCE_AUC);
        Map<String, Double> fig = new LinkedHashMap<>(skillFigures(r));
        fig.put("log_loss", ll);
        fig.put("prior_log_loss", prior);
        String detail = f("on %s: log loss %.5f vs %.5f for the TRAIN label prior%s; direction AUC %s%s", what, ll, prior,
                lossOk ? "" : " (worse)", auc(r.directionAuc(), r.level()), aucOk ? "" : " includes chance");
        return new Verdict(NO_OOS_SKILL, lossOk && aucOk, detail, fig);
    }

    /**
     * blocked_direction (evaluate's replay of the decision logic): a direction the model signals never trades,
     * because the gate refused all of it or the guards did.
     *
     * @param signals   model signals per direction {buy, sell}
     * @param decisions decisions that passed the gate per direction
     * @param orders    orders placed per direction
     * @param gateWhy   per direction, the gate rules that refused it (text)
     * @param guardWhy  per direction, the guards that blocked it (text)
     */
    public static Verdict blockedDirection(long[] signals, long[] decisions, long[] orders, String[] gateWhy, String[] guardWhy) {
        List<String> blocked = new ArrayList<>();
        String[] side = {"BUY", "SELL"};
        for (int k = 0; k < 2; k++) {
            if (signals[k] == 0) continue;
            if (decisions[k] == 0) {
                blocked.add(f("the gate blocked %d of %d %s signals (%s)", signals[k], signals[k], side[k], gateWhy[k]));
            } else if (orders[k] == 0) {
                blocked.add(f("%d %s decisions passed the gate but no %s order was placed (guards: %s)", decisions[k], side[k], side[k], guardWhy[k]));
            }
        }
        Map<String, Double> fig = figures("buy_signals", signals[0], "sell_signals", signals[1], "buy_decisions", decisions[0],
                "sell_decisions", decisions[1], "buy_orders", orders[0], "sell_orders", orders[1]);
        return blocked.isEmpty()
                ? new Verdict(BLOCKED_DIRECTION, true, f("every signalled direction traded: BUY %d signals -> %d orders, SELL %d -> %d",
                        signals[0], orders[0], signals[1], orders[1]), fig)
                : new Verdict(BLOCKED_DIRECTION, false, String.join("; ", blocked), fig);
    }

    /** The {@code q} quantile of the ECE when the labels are drawn from {@code p} itself (seeded). */
    static double eceNoiseQuantile(double[][] p, int bins, double q, int draws, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] y = new int[p.length];
        double[] e = new double[draws];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < p.length; i++) {
                double u = rnd.nextDouble();
                y[i] = u < p[i][0] ? -1 : u < p[i][0] + p[i][1] ? 0 : 1;
            }
            e[d] = Metrics.ece(y, p, bins);
        }
        Arrays.sort(e);
        return e[Math.min(draws - 1, (int) Math.ceil(q * draws) - 1)];
    }

    /** Names of the failed verdicts, in order. */
    public static List<String> failed(Iterable<Verdict> vs) {
        List<String> out = new ArrayList<>();
        for (Verdict v : vs) if (!v.passed()) out.add(v.name());
        return out;
    }

    private static Map<String, Double> figures(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    private static String auc(Skill.Estimate e, double level) {
        return Double.isFinite(e.lo()) ? f("%.3f [%.0f%% CI %.3f, %.3f]", e.value(), 100 * level, e.lo(), e.hi()) : f("%.3f", e.value());
    }

    private static String ic(Skill.Estimate e, double level) {
        return Double.isFinite(e.lo()) ? f("%+.3f [%+.3f, %+.3f]", e.value(), e.lo(), e.hi()) : f("%+.3f", e.value());
    }

    static String pct(double frac) {
        if (!Double.isFinite(frac)) return "n/a";
        double p = frac * 100;
        return p == Math.rint(p) ? f("%.0f%%", p) : f("%.1f%%", p);
    }

    private static String f(String fmt, Object... a) { return String.format(Locale.ROOT, fmt, a); }
}
