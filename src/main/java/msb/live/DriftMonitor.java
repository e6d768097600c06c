package msb.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import msb.core.UserInputException;
import msb.features.FeatureDistribution;
import msb.features.Psi;
import msb.features.TrainDistribution;

/**
 * Drift between training and live, per feature: the last {@link DriftConfig#windowBars()} feature rows against
 * the artifact's TRAIN bins, by {@link Psi} (FreqAI's dissimilarity index asks the same question: is this input
 * outside what the model was fitted on). Each row costs O(features x bins): a ring buffer keeps every row's bin
 * per feature, so a new row moves one count up and the oldest one down, and only the PSI terms of those two bins
 * change; the per-feature PSI is re-summed from its terms (no running sum that could wander), which makes it equal
 * to the batch {@link Psi#of} over the same window. PSI is read only once the window is full (a partial window
 * is mostly sampling noise).
 *
 * <p>Hysteresis: a feature alerts ({@code feature_drift}) when its PSI reaches the alert level and not again
 * until it has fallen below {@link #REARM_FRAC} of it; the halt ({@code drift_halt}: no new orders, exits still
 * run) starts when the largest PSI reaches the halt level and ends ({@code drift_resumed}) below
 * {@link #REARM_FRAC} of it. Window, alert and halt flags are part of the checkpoint, so a resumed run
 * raises exactly the alerts an uninterrupted one would.
 */
public final class DriftMonitor {
    /** Re-arm (and resume) once PSI falls below this fraction of its level: 0.1 for the 0.2 alert, "no shift". */
    public static final double REARM_FRAC = 0.5;
    public static final String FEATURE_DRIFT = "feature_drift";
    public static final String DRIFT_HALT = "drift_halt";
    public static final String DRIFT_RESUMED = "drift_resumed";
    static final int TOP_SHOWN = 5;

    /**
     * The checkpointed part: each row's bin per feature, oldest first (row-major), the alert flags, and the run id
     * of the artifact whose TRAIN bins the window was binned against (null in state files written before it).
     */
    public record State(int features, byte[] binsOldestFirst, boolean[] alerted, boolean halted, String haltReason,
                        String runId) {}

    private final DriftConfig cfg;
    /** The artifact whose TRAIN bins this monitors against; null when not known (tests, bench). */
    private final String runId;
    private final List<String> names;
    private final FeatureDistribution[] train;
    private final int f;
    private final int window;
    private final byte[] ring;
    private final int[][] counts;
    private final double[][] terms;
    private final double[] psi;
    /** Per count c of a window bin: the floored fraction c / window and its logarithm (no log per row). */
    private final double[] liveFrac;
    private final double[] liveLn;
    /** Per feature and bin: the floored TRAIN fraction and its logarithm. */
    private final double[][] trainFrac;
    private final double[][] trainLn;
    private final boolean[] alerted;
    private boolean halted;
    private String haltReason;
    private int next;
    private int count;

    /** Monitors {@code columns} (the runner's row order) against {@code dist}; refuses a column without bins. */
    public DriftMonitor(TrainDistribution dist, List<String> columns, DriftConfig cfg) {
        this(dist, columns, cfg, null);
    }

    /** As above, for the artifact {@code runIdOrNull}: a checkpointed window of another artifact is not restored. */
    public DriftMonitor(TrainDistribution dist, List<String> columns, DriftConfig cfg, String runIdOrNull) {
        this.cfg = cfg;
        this.runId = runIdOrNull;
        this.names = List.copyOf(columns);
        this.f = columns.size();
        this.window = cfg.windowBars();
        this.train = new FeatureDistribution[f];
        this.counts = new int[f][];
        this.terms = new double[f][];
        this.trainFrac = new double[f][];
        this.trainLn = new double[f][];
        for (int j = 0; j < f; j++) {
            FeatureDistribution d = dist.features().get(columns.get(j));
            if (d == null) {
                throw new UserInputException("the artifact's training distribution has no bins for feature " + columns.get(j)
                        + "; the manifest does not match its columns: retrain it");
            }
            if (d.bins() > Byte.MAX_VALUE) throw new UserInputException("feature " + columns.get(j) + " has " + d.bins() + " bins; at most 127 are monitored");
            train[j] = d;
            counts[j] = new int[d.bins()];
            terms[j] = new double[d.bins()];
            trainFrac[j] = new double[d.bins()];
            trainLn[j] = new double[d.bins()];
            for (int b = 0; b < d.bins(); b++) {
                trainFrac[j][b] = Psi.floored(d.fractions()[b]);
                trainLn[j][b] = Math.log(trainFrac[j][b]);
            }
        }
        this.liveFrac = new double[window + 1];
        this.liveLn = new double[window + 1];
        for (int c = 0; c <= window; c++) {
            liveFrac[c] = Psi.floored((double) c / window);
            liveLn[c] = Math.log(liveFrac[c]);
        }
        this.ring = new byte[window * f];
        this.psi = new double[f];
        this.alerted = new boolean[f];
    }

    public DriftConfig config() { return cfg; }

    /** Adds one live row (values in column order) without judging it: warm-up on history before trading. */
    public void warm(double[] row) {
        int base = next * f;
        for (int j = 0; j < f; j++) add(j, train[j].binOf(row[j]), base);
        advance();
    }

    /** Adds one live row and returns the alerts it raises (none while the window fills). */
    public List<Alert> onRow(long barTs, double[] row) {
        warm(row);
        return judge(barTs);
    }

    private void add(int j, int bin, int base) {
        int[] c = counts[j];
        boolean full = count == window;
        if (full) {
            int old = ring[base + j];
            if (old == bin) return; // same bin in and out: nothing changes
            c[old]--;
            terms[j][old] = term(j, old);
        }
        ring[base + j] = (byte) bin;
        c[bin]++;
        if (full) terms[j][bin] = term(j, bin);
    }

    private double term(int j, int bin) {
        int c = counts[j][bin];
        return Psi.term(liveFrac[c], liveLn[c], trainFrac[j][bin], trainLn[j][bin]);
    }

    private void advance() {
        next = next + 1 == window ? 0 : next + 1;
        if (count < window) {
            if (++count == window) { // just filled: every term once, then two per feature per row
                for (int j = 0; j < f; j++) {
                    for (int b = 0; b < counts[j].length; b++) terms[j][b] = term(j, b);
                }
            } else {
                return;
            }
        }
        for (int j = 0; j < f; j++) {
            double s = 0;
            for (double t : terms[j]) s += t;
            psi[j] = s;
        }
    }

    private List<Alert> judge(long barTs) {
        if (count < window) return List.of();
        List<Alert> out = null;
        int worst = 0;
        for (int j = 0; j < f; j++) {
            if (psi[j] > psi[worst]) worst = j;
            if (!alerted[j] && psi[j] >= cfg.alertPsi()) {
                alerted[j] = true;
                if (out == null) out = new ArrayList<>();
                out.add(new Alert(barTs, FEATURE_DRIFT, String.format(Locale.ROOT,
                        "feature %s: PSI %.3f over the last %d bars against its TRAIN bins (alert at %.3f psi; re-arms below %.3f)",
                        names.get(j), psi[j], window, cfg.alertPsi(), cfg.alertPsi() * REARM_FRAC)));
            } else if (alerted[j] && psi[j] < cfg.alertPsi() * REARM_FRAC) {
                alerted[j] = false;
            }
        }
        if (cfg.halts() && f > 0) {
            if (!halted && psi[worst] >= cfg.haltPsi()) {
                halted = true;
                haltReason = String.format(Locale.ROOT, "feature %s: PSI %.3f >= drift_halt_psi %.3f over the last %d bars",
                        names.get(worst), psi[worst], cfg.haltPsi(), window);
                if (out == null) out = new ArrayList<>();
                out.add(new Alert(barTs, DRIFT_HALT, haltReason + "; no new orders (exits still run) until the largest PSI is below "
                        + String.format(Locale.ROOT, "%.3f", cfg.haltPsi() * REARM_FRAC)));
            } else if (halted && psi[worst] < cfg.haltPsi() * REARM_FRAC) {
                halted = false;
                haltReason = null;
                if (out == null) out = new ArrayList<>();
                out.add(new Alert(barTs, DRIFT_RESUMED, String.format(Locale.ROOT,
                        "largest feature PSI %.3f (%s) is below %.3f: new orders allowed again", psi[worst], names.get(worst),
                        cfg.haltPsi() * REARM_FRAC)));
            }
        }
        return out == null ? List.of() : out;
    }

    /** True while new orders are halted for drift. */
    public boolean halted() { return halted; }

    /** Why orders are halted (null when not). */
    public String haltReason() {
        if (halted && haltReason == null) {
            haltReason = String.format(Locale.ROOT, "drift: the largest feature PSI reached drift_halt_psi %.3f", cfg.haltPsi());
        }
        return haltReason;
    }

    /** PSI per feature in column order; NaN until the window is full. */
    public double[] psi() {
        double[] out = psi.clone();
        if (count < window) java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    public int filledBars() { return count; }

    public DriftStatus status() {
        List<DriftStatus.FeaturePsi> top = new ArrayList<>();
        int atAlert = 0;
        if (count == window) {
            Integer[] idx = new Integer[f];
            for (int j = 0; j < f; j++) {
                idx[j] = j;
                if (psi[j] >= cfg.alertPsi()) atAlert++;
            }
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(psi[b], psi[a]));
            for (int k = 0; k < Math.min(TOP_SHOWN, f); k++) top.add(new DriftStatus.FeaturePsi(names.get(idx[k]), psi[idx[k]]));
        }
        return new DriftStatus(window, count, cfg.alertPsi(), cfg.halts() ? cfg.haltPsi() : null, halted, atAlert, top);
    }

    public State state() {
        byte[] bins = new byte[count * f];
        int start = count < window ? 0 : next;
        for (int i = 0; i < count; i++) System.arraycopy(ring, ((start + i) % window) * f, bins, i * f, f);
        return new State(f, bins, alerted.clone(), halted, haltReason, runId);
    }

    /**
     * Continues from a checkpoint: its rows (the newest {@code windowBars} of them, should the window have been
     * changed since) and its alert flags; changed levels apply from the next row on. A window binned against
     * another artifact's TRAIN bins (a retrain swapped the model in; an older state file without the run id whose
     * bins do not fit) is not restored: the window starts afresh and this returns false.
     */
    public boolean restore(State s) {
        if (runId != null && s.runId() != null && !runId.equals(s.runId())) return false;
        if (s.runId() == null && !fits(s)) return false;
        if (s.features() != f || s.binsOldestFirst().length % Math.max(1, f) != 0 || s.alerted().length != f) {
            throw new IllegalStateException("the drift window in the state file is for " + s.features() + " features, the artifact has " + f);
        }
        int rows = f == 0 ? 0 : s.binsOldestFirst().length / f;
        for (int i = Math.max(0, rows - window); i < rows; i++) {
            int base = next * f;
            for (int j = 0; j < f; j++) {
                int b = s.binsOldestFirst()[i * f + j];
                if (b < 0 || b >= counts[j].length) throw new IllegalStateException("drift bin " + b + " out of range for " + names.get(j));
                add(j, b, base);
            }
            advance();
        }
        System.arraycopy(s.alerted(), 0, alerted, 0, f);
        // resumed without a halt level (--drift-halt-psi 0): a stored halt no longer applies
        halted = cfg.halts() && s.halted();
        haltReason = halted ? s.haltReason() : null;
        return true;
    }

    private boolean fits(State s) {
        if (s.features() != f || s.alerted().length != f || s.binsOldestFirst().length % Math.max(1, f) != 0) return false;
        for (int i = 0; i < s.binsOldestFirst().length; i++) {
            int b = s.binsOldestFirst()[i];
            if (b < 0 || b >= counts[i % f].length) return false;
        }
        return true;
    }
}
