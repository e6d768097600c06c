package msb.model;

import msb.core.Timeframe;
import msb.signal.SignalThresholds;
import msb.signal.VerdictOptions;

/** Every setting of a training run, saved in the manifest; defaults per timeframe. */
public record Hyperparameters(GbmOptions gbm, RfOptions rf, LogregOptions logreg, LstmOptions lstm,
                              StackOptions stack, VerdictOptions gates) {
    public Hyperparameters {
        if (gbm == null || rf == null || logreg == null || lstm == null || stack == null || gates == null) {
            throw new IllegalArgumentException("every hyperparameter group must be present");
        }
    }

    /**
     * Defaults sized for 2 cores: the fine timeframes have tens of thousands of rows, so fewer trees and
     * LSTM epochs keep a 40,000-row 1h run within minutes; the coarse ones have a few thousand rows. Other
     * timeframes take the settings of their nearest standard one ({@link Timeframe#nearestStandard}).
     */
    public static Hyperparameters defaults(Timeframe tf) {
        Timeframe std = tf.nearestStandard();
        boolean fine = std == Timeframe.M5 || std == Timeframe.H1;
        GbmOptions gbm = fine ? new GbmOptions(60, 4, 8, 50, 0.08, 0.7) : new GbmOptions(80, 3, 6, 20, 0.05, 0.7);
        RfOptions rf = fine ? new RfOptions(100, 0, 12, 64, 50, 1.0) : new RfOptions(200, 0, 8, 32, 20, 1.0);
        LogregOptions logreg = new LogregOptions(0.1, 1e-5, 500);
        LstmOptions lstm = fine ? new LstmOptions(16, 32, 6, 128, 2e-3) : new LstmOptions(16, 32, 8, 64, 2e-3);
        StackOptions stack = new StackOptions(4, 5, 5, 300, true, 200);
        VerdictOptions gates = VerdictOptions.defaults(SignalThresholds.sMin(tf));
        return new Hyperparameters(gbm, rf, logreg, lstm, stack, gates);
    }
}
