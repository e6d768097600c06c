package msb.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits every verdict is judged by (the {@code gates:} block of an experiment spec). Defaults per timeframe
 * come from {@link #defaults(double)}; the reasons for each default are in experiments/FINDINGS-verdicts.md.
 *
 * @param minTrainRows          fewer TRAIN rows refuse the run before fitting
 * @param sMin                  the timeframe's live threshold on |signal|
 * @param signal                what the policy acts on: centred (s_model - reference drift) or raw s_model
 * @param minActionShareFrac    inert: the policy acts (|signal| >= sMin) on fewer than this share of rows
 * @param minMinorityShareFrac  one_sided: the less frequent direction is under this share of the policy's actions
 * @param minLabelShareFrac     a direction counts as present in the labels from this share of rows on
 * @param minTailRows           two_sided: a tail (signal beyond +-sMin) with fewer rows is insufficient evidence
 * @param tailConfidenceFrac    two_sided: one-sided confidence with which a tail's hit rate must beat the middle band's
 * @param maxEceFrac            calibration: top-label expected calibration error limit (probability units)
 * @param eceBins               equal-width confidence bins of the ECE
 * @param bootstrapDraws        block-bootstrap draws of the skill intervals
 * @param skillConfidenceFrac   two-sided level of the skill intervals (direction_skill passes when the lower
 *                              bound beats chance)
 */
public record VerdictOptions(int minTrainRows, double sMin, SignalMode signal, double minActionShareFrac,
                             double minMinorityShareFrac, double minLabelShareFrac, int minTailRows,
                             double tailConfidenceFrac, double maxEceFrac, int eceBins, int bootstrapDraws,
                             double skillConfidenceFrac) {
    public VerdictOptions {
        if (minTrainRows < 1) throw new IllegalArgumentException("gates.min_train_rows must be >= 1, got " + minTrainRows);
        if (!(sMin > 0 && sMin < 1)) throw new IllegalArgumentException("gates.s_min must be in (0,1), got " + sMin);
        if (signal == null) signal = SignalMode.CENTRED;
        frac("min_action_share_frac", minActionShareFrac);
        frac("min_minority_share_frac", minMinorityShareFrac);
        if (minMinorityShareFrac > 0.5) throw new IllegalArgumentException("gates.min_minority_share_frac must be <= 0.5, got " + minMinorityShareFrac);
        frac("min_label_share_frac", minLabelShareFrac);
        if (minTailRows < 1) throw new IllegalArgumentException("gates.min_tail_rows must be >= 1, got " + minTailRows);
        if (!(tailConfidenceFrac >= 0.5 && tailConfidenceFrac < 1)) throw new IllegalArgumentException("gates.tail_confidence_frac must be in [0.5, 1), got " + tailConfidenceFrac);
        if (!(maxEceFrac > 0 && maxEceFrac <= 1)) throw new IllegalArgumentException("gates.max_ece_frac must be in (0,1], got " + maxEceFrac);
        if (eceBins < 2) throw new IllegalArgumentException("gates.ece_bins must be >= 2, got " + eceBins);
        if (bootstrapDraws < 100) throw new IllegalArgumentException("gates.bootstrap_draws must be >= 100, got " + bootstrapDraws);
        if (!(skillConfidenceFrac > 0.5 && skillConfidenceFrac < 1)) throw new IllegalArgumentException("gates.skill_confidence_frac must be in (0.5, 1), got " + skillConfidenceFrac);
    }

    private static void frac(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("gates." + name + " must be in [0,1], got " + v);
    }

    /** The defaults at a timeframe's live threshold. */
    public static VerdictOptions defaults(double sMin) {
        return new VerdictOptions(1000, sMin, SignalMode.CENTRED, 0.02, 0.20, 0.10, 30, 0.90, 0.05, 10, 1000, 0.95);
    }

    public Skill.BootstrapOptions bootstrap(int horizonBars) {
        return new Skill.BootstrapOptions(bootstrapDraws, skillConfidenceFrac, Skill.BootstrapOptions.DEFAULTS.seed(), Math.max(1, horizonBars));
    }

    public VerdictOptions withSignal(SignalMode m) {
        return new VerdictOptions(minTrainRows, sMin, m, minActionShareFrac, minMinorityShareFrac, minLabelShareFrac,
                minTailRows, tailConfidenceFrac, maxEceFrac, eceBins, bootstrapDraws, skillConfidenceFrac);
    }

    public VerdictOptions withSMin(double v) {
        return new VerdictOptions(minTrainRows, v, signal, minActionShareFrac, minMinorityShareFrac, minLabelShareFrac,
                minTailRows, tailConfidenceFrac, maxEceFrac, eceBins, bootstrapDraws, skillConfidenceFrac);
    }

    public VerdictOptions withMinTrainRows(int rows) {
        return new VerdictOptions(rows, sMin, signal, minActionShareFrac, minMinorityShareFrac, minLabelShareFrac,
                minTailRows, tailConfidenceFrac, maxEceFrac, eceBins, bootstrapDraws, skillConfidenceFrac);
    }

    /** Every setting that is weaker than {@code defaults}' (empty when none): such a run is never promoted. */
    public List<String> weakerThan(VerdictOptions d) {
        List<String> w = new ArrayList<>();
        if (minTrainRows < d.minTrainRows) w.add("min_train_rows " + minTrainRows + " < " + d.minTrainRows);
        if (sMin < d.sMin) w.add(f("s_min %.4f < %.4f", sMin, d.sMin));
        if (minActionShareFrac < d.minActionShareFrac) w.add(f("min_action_share_frac %.4f < %.4f", minActionShareFrac, d.minActionShareFrac));
        if (minMinorityShareFrac < d.minMinorityShareFrac) w.add(f("min_minority_share_frac %.4f < %.4f", minMinorityShareFrac, d.minMinorityShareFrac));
        if (minLabelShareFrac > d.minLabelShareFrac) w.add(f("min_label_share_frac %.4f > %.4f", minLabelShareFrac, d.minLabelShareFrac));
        if (minTailRows < d.minTailRows) w.add("min_tail_rows " + minTailRows + " < " + d.minTailRows);
        if (tailConfidenceFrac < d.tailConfidenceFrac) w.add(f("tail_confidence_frac %.4f < %.4f", tailConfidenceFrac, d.tailConfidenceFrac));
        if (maxEceFrac > d.maxEceFrac) w.add(f("max_ece_frac %.4f > %.4f", maxEceFrac, d.maxEceFrac));
        if (skillConfidenceFrac < d.skillConfidenceFrac) w.add(f("skill_confidence_frac %.4f < %.4f", skillConfidenceFrac, d.skillConfidenceFrac));
        return w;
    }

    private static String f(String fmt, Object... a) { return String.format(Locale.ROOT, fmt, a); }
}
