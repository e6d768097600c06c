package msb.live;

import msb.core.UserInputException;
import msb.features.Psi;

/**
 * Drift monitoring settings of a runner (see {@link DriftMonitor}).
 *
 * @param windowBars the live window: the last this many feature rows are compared with the TRAIN bins
 * @param alertPsi   a feature alerts when its PSI reaches this (re-armed below {@link DriftMonitor#REARM_FRAC} of it)
 * @param haltPsi    new orders stop while the largest feature PSI is at or above this; 0 = never halt
 */
public record DriftConfig(int windowBars, double alertPsi, double haltPsi) {
    /**
     * 500 rows: with 10 bins a window drawn from the TRAIN distribution itself reads PSI about 9 / 500 = 0.02,
     * a tenth of the alert level, so an alert is a shift, not noise; at 5m it is the last ~42 hours.
     */
    public static final int DEFAULT_WINDOW_BARS = 500;
    /** Below this a 10-bin window's own sampling noise ((bins - 1) / n = 0.09 at 100) nears the alert level. */
    public static final int MIN_WINDOW_BARS = 100;
    public static final double DEFAULT_ALERT_PSI = Psi.SIGNIFICANT_SHIFT_PSI;
    /**
     * Off by default: PSI over a short window of autocorrelated features (rolling volatilities) swings with
     * every volatility regime, so a halt level should be chosen from a replay's alert history (status shows the
     * PSIs); 0.5 is a common choice for "the model is out of its training domain".
     */
    public static final double DEFAULT_HALT_PSI = 0;
    public static final DriftConfig DEFAULT = new DriftConfig(DEFAULT_WINDOW_BARS, DEFAULT_ALERT_PSI, DEFAULT_HALT_PSI);

    public DriftConfig {
        if (windowBars < MIN_WINDOW_BARS) {
            throw new UserInputException("--drift-window-bars " + windowBars + ": must be >= " + MIN_WINDOW_BARS
                    + " (a smaller window's sampling noise alone reads as drift)");
        }
        if (!(alertPsi > 0) || !Double.isFinite(alertPsi)) {
            throw new UserInputException("--drift-alert-psi " + alertPsi + ": must be a number > 0 (0.2 is the conventional significant shift)");
        }
        if (!(haltPsi >= 0) || !Double.isFinite(haltPsi)) {
            throw new UserInputException("--drift-halt-psi " + haltPsi + ": must be >= 0 (0 = never halt)");
        }
    }

    public boolean halts() { return haltPsi > 0; }
}
