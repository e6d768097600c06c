package msb.evaluate;

/**
 * Thresholds of the directional-balance check.
 *
 * @param minLabelShareFrac     a direction counts as present in the labels from this share of rows on
 * @param minPredictedShareFrac a present direction must clear the live threshold on at least this share
 */
public record BalanceOptions(double minLabelShareFrac, double minPredictedShareFrac) {
    public static final BalanceOptions DEFAULTS = new BalanceOptions(0.10, 0.10);

    public BalanceOptions {
        if (!(minLabelShareFrac >= 0 && minLabelShareFrac <= 1)) {
            throw new IllegalArgumentException("min_label_share_frac must be in [0, 1], got " + minLabelShareFrac);
        }
        if (!(minPredictedShareFrac >= 0 && minPredictedShareFrac <= 1)) {
            throw new IllegalArgumentException("min_predicted_share_frac must be in [0, 1], got " + minPredictedShareFrac);
        }
    }
}
