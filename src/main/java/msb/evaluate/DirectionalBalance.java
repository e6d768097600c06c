package msb.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The directional-balance check: is the model one-sided, and does the decision logic let both directions
 * trade? Judged on what the live logic acts on (s_model against the timeframe's S_MIN), never on argmax,
 * which sits on NEUTRAL for most bars of any calibrated model. Each reason is one readable sentence.
 */
public final class DirectionalBalance {
    private DirectionalBalance() {}

    /**
     * @param tf         timeframe label, the prefix of every reason
     * @param sModel     s_model = p_up - p_down per evaluated bar
     * @param labels     -1/0/1 per evaluated bar
     * @param sMin       the timeframe's live threshold
     * @param funnel     the decision replay over the same bars, or null when none was run
     */
    public static List<String> reasons(String tf, double[] sModel, int[] labels, double sMin, Funnel funnel,
                                       BalanceOptions opts) {
        int n = sModel.length;
        Shares predicted = Shares.ofClasses(Metrics.thresholdClasses(sModel, sMin));
        Shares label = Shares.ofClasses(labels);
        List<String> reasons = new ArrayList<>();
        String labelText = "labels %s UP / %s DOWN".formatted(pct(label.up()), pct(label.down()));
        List<String> missing = new ArrayList<>();
        for (int dir : new int[]{1, -1}) {
            if (label.of(dir) >= opts.minLabelShareFrac() && predicted.of(dir) < opts.minPredictedShareFrac()) {
                missing.add(name(dir));
            }
        }
        if (!missing.isEmpty()) {
            reasons.add(String.format(Locale.ROOT,
                    "%s: predicts UP on %s and DOWN on %s of %d test bars (%s): %s %s under the %s minimum at S_MIN %.2f",
                    tf, pct(predicted.up()), pct(predicted.down()), n, labelText, String.join(" and ", missing),
                    missing.size() == 1 ? "is" : "are", pct(opts.minPredictedShareFrac()), sMin));
        }
        long pos = 0, neg = 0;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double s : sModel) {
            if (s > 0) pos++;
            if (s < 0) neg++;
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        if (n > 0 && (pos == 0 || neg == 0)) {
            reasons.add(String.format(Locale.ROOT, "%s: s_model never changes sign: between %+.3f and %+.3f on all %d test bars",
                    tf, lo, hi, n));
        }
        if (funnel != null) reasons.addAll(funnelReasons(tf, funnel));
        return List.copyOf(reasons);
    }

    /** One direction the model signals never trades: the gate refused all of it, or the guards did. */
    static List<String> funnelReasons(String tf, Funnel f) {
        List<String> out = new ArrayList<>();
        for (int dir : new int[]{1, -1}) {
            long signals = f.modelSignals().of(dir);
            if (signals == 0) continue;
            String side = Sides.sideName(dir);
            if (f.decisions().of(dir) == 0) {
                out.add(String.format(Locale.ROOT, "%s: the gate blocked %d of %d %s signals (%s)", tf,
                        f.gateBlockedTotal(dir), signals, side, breakdown(f.gateBlocked(), dir)));
            } else if (f.orders().of(dir) == 0) {
                out.add(String.format(Locale.ROOT, "%s: %d %s decisions passed the gate but no %s order was placed (guards: %s)",
                        tf, f.decisions().of(dir), side, side, breakdown(f.guardBlocked(), dir)));
            }
        }
        return out;
    }

    private static String breakdown(Map<String, Sides> blocked, int dir) {
        List<Map.Entry<String, Sides>> hits = blocked.entrySet().stream().filter(e -> e.getValue().of(dir) > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, Sides> e) -> -e.getValue().of(dir))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (hits.isEmpty()) return "none counted";
        if (hits.size() == 1) return hits.getFirst().getKey();
        return hits.stream().map(e -> e.getKey() + " " + e.getValue().of(dir)).collect(Collectors.joining(", "));
    }

    private static String name(int dir) { return dir > 0 ? "UP" : "DOWN"; }

    static String pct(double frac) {
        double p = frac * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
