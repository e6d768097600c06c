package msb.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression guard of the benchmarks: a run's figures saved as a baseline file, and a later run's
 * figures compared with it, each in its own direction (throughput higher is better, latency and seconds
 * lower). A figure more than {@code maxWorseFrac} worse than its baseline is a regression.
 *
 * @param bench   which benchmark the figures belong to (e.g. "live gbm"): figures of another bench never compare
 * @param figures figure name -> value and direction, in the order the bench reports them
 */
public record BenchBaseline(String bench, Map<String, Figure> figures) {
    /** Fractional worsening allowed by default before a figure counts as a regression (10 %). */
    public static final double DEFAULT_MAX_WORSE_FRAC = 0.10;

    /** One figure: its value, unit, and whether a higher value is better. */
    public record Figure(double value, String unit, boolean higherIsBetter) {
        public Figure {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("figure value must be finite, got " + value);
        }
    }

    public BenchBaseline {
        if (bench == null || bench.isBlank()) throw new IllegalArgumentException("bench name is required");
        figures = figures == null ? Map.of() : new LinkedHashMap<>(figures);
    }

    /** Builder-style: this baseline plus one figure. */
    public BenchBaseline with(String name, double value, String unit, boolean higherIsBetter) {
        Map<String, Figure> f = new LinkedHashMap<>(figures);
        f.put(name, new Figure(value, unit, higherIsBetter));
        return new BenchBaseline(bench, f);
    }

    /** One figure compared with its baseline; {@code worseFrac} > 0 means worse, < 0 better. */
    public record Change(String name, double baseline, double current, String unit, double worseFrac) {
        public String describe() {
            return String.format(Locale.ROOT, "%s: %s %s -> %s %s (%s%.1f%%)", name, fmt(baseline), unit, fmt(current), unit,
                    worseFrac > 0 ? "worse by " : "better by ", Math.abs(worseFrac) * 100);
        }

        private static String fmt(double v) {
            return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }

    /** Every figure present in both runs, compared. Figures only one of them has are left out. */
    public List<Change> compare(BenchBaseline saved) {
        if (!saved.bench().equals(bench)) {
            throw new IllegalArgumentException("the baseline is of bench '" + saved.bench() + "', this run is '" + bench + "'");
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Figure old = saved.figures().get(e.getKey());
            if (old == null) continue;
            Figure now = e.getValue();
            double worse;
            if (old.value() == 0) worse = 0;
            else if (now.higherIsBetter()) worse = (old.value() - now.value()) / Math.abs(old.value());
            else worse = (now.value() - old.value()) / Math.abs(old.value());
            out.add(new Change(e.getKey(), old.value(), now.value(), now.unit(), worse));
        }
        return out;
    }

    /** The changes that are regressions: worse by more than {@code maxWorseFrac}. */
    public static List<Change> regressions(List<Change> changes, double maxWorseFrac) {
        return changes.stream().filter(c -> c.worseFrac() > maxWorseFrac).toList();
    }
}
