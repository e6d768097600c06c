package msb.trading;

/**
 * Position sizing (SPEC section 8): target notional = dir x min(posMaxFrac, alpha x sigmaTargetAnnual /
 * realizedVolAnnual) x baseNotionalUsd, realized volatility from the last volWindowBars bar returns,
 * annualised with the timeframe's bars per year, floored at volFloorAnnual.
 */
public record SizingConfig(double baseNotionalUsd, double posMaxFrac, double sigmaTargetAnnual, double volFloorAnnual,
                           int volWindowBars) {
    public SizingConfig {
        if (!(baseNotionalUsd > 0)) throw new IllegalArgumentException("base_notional_usd must be > 0, got " + baseNotionalUsd);
        if (!(posMaxFrac > 0)) throw new IllegalArgumentException("pos_max_frac must be > 0, got " + posMaxFrac);
        if (!(sigmaTargetAnnual > 0)) {
            throw new IllegalArgumentException("sigma_target_annual must be > 0, got " + sigmaTargetAnnual);
        }
        if (!(volFloorAnnual > 0)) throw new IllegalArgumentException("vol_floor_annual must be > 0, got " + volFloorAnnual);
        if (volWindowBars < 2) throw new IllegalArgumentException("vol_window_bars must be >= 2, got " + volWindowBars);
    }
}
