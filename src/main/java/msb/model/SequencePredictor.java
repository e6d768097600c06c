package msb.model;

import msb.signal.Probs;

/**
 * What the live runner and evaluate call: class probabilities for the newest row, given the most recent
 * feature rows oldest first (the newest is the bar that just closed). Models that read one row use the
 * last one; sequence models read {@link #historyRows()} rows.
 */
public interface SequencePredictor {
    /** How many recent feature rows {@link #predict} needs, newest included (1 for row models). */
    int historyRows();

    Probs predict(double[][] recentRowsOldestFirst);
}
