package msb.model;

/**
 * Promotion gate limits (SPEC section 5).
 *
 * @param minTrainRows          fewer TRAIN rows refuse the run before fitting
 * @param sMin                  the timeframe's live threshold on s_model = p_up - p_down
 * @param labelShareFrac        a direction is judged when the VAL labels hold at least this share of it
 * @param minDirectionShareFrac such a direction must clear +-sMin (and argmax) on at least this share of VAL rows
 * @param maxEceFrac            limit on top-label expected calibration error (probability units, 0..1)
 * @param eceBins               equal-width confidence bins of the ECE
 */
public record GateOptions(int minTrainRows, double sMin, double labelShareFrac, double minDirectionShareFrac,
                          double maxEceFrac, int eceBins) {
    public GateOptions {
        if (minTrainRows < 1) throw new IllegalArgumentException("gates.min_train_rows must be >= 1, got " + minTrainRows);
        if (!(sMin > 0 && sMin < 1)) throw new IllegalArgumentException("gates.s_min must be in (0,1), got " + sMin);
        if (!(labelShareFrac >= 0 && labelShareFrac <= 1)) throw new IllegalArgumentException("gates.label_share_frac must be in [0,1], got " + labelShareFrac);
        if (!(minDirectionShareFrac >= 0 && minDirectionShareFrac <= 1)) throw new IllegalArgumentException("gates.min_direction_share_frac must be in [0,1], got " + minDirectionShareFrac);
        if (!(maxEceFrac > 0 && maxEceFrac <= 1)) throw new IllegalArgumentException("gates.max_ece_frac must be in (0,1], got " + maxEceFrac);
        if (eceBins < 2) throw new IllegalArgumentException("gates.ece_bins must be >= 2, got " + eceBins);
    }
}
