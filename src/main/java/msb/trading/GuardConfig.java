package msb.trading;

/**
 * Risk guards (SPEC section 8). Each blocks an order that would add or change exposure and is counted per
 * direction; flattening (target 0) is never blocked.
 *
 * @param maxSpreadBps          block when the quoted spread is above this (unknown spread passes)
 * @param maxFundingBpsPerHour  block when funding paid by the target side is above this
 * @param minPositionChangeFrac block when |target - position| is below this fraction of the base notional
 * @param cooldownBars          bars that must pass after a fill before a new non-flattening order
 * @param dailyLossStopFrac     equity loss since 00:00 UTC, as a fraction of that day's start equity, that
 *                              flattens the book and halts trading until the next UTC day
 * @param maxOrdersPerBar       orders one bar may send (a reversal sends two: close, then open)
 * @param maxBarAgeBars         a bar received more than this many bar lengths after its close is stale
 */
public record GuardConfig(double maxSpreadBps, double maxFundingBpsPerHour, double minPositionChangeFrac,
                          int cooldownBars, double dailyLossStopFrac, int maxOrdersPerBar, int maxBarAgeBars) {
    public GuardConfig {
        if (!(maxSpreadBps >= 0)) throw new IllegalArgumentException("max_spread_bps must be >= 0, got " + maxSpreadBps);
        if (!(maxFundingBpsPerHour >= 0)) {
            throw new IllegalArgumentException("max_funding_bps_per_hour must be >= 0, got " + maxFundingBpsPerHour);
        }
        if (!(minPositionChangeFrac >= 0)) {
            throw new IllegalArgumentException("min_position_change_frac must be >= 0, got " + minPositionChangeFrac);
        }
        if (cooldownBars < 0) throw new IllegalArgumentException("cooldown_bars must be >= 0, got " + cooldownBars);
        if (!(dailyLossStopFrac > 0 && dailyLossStopFrac <= 1)) {
            throw new IllegalArgumentException("daily_loss_stop_frac must be in (0, 1], got " + dailyLossStopFrac);
        }
        if (maxOrdersPerBar < 0) throw new IllegalArgumentException("max_orders_per_bar must be >= 0, got " + maxOrdersPerBar);
        if (maxBarAgeBars < 0) throw new IllegalArgumentException("max_bar_age_bars must be >= 0, got " + maxBarAgeBars);
    }

    // built by name: a default (or a fixture) with the fields that differ, not positional arguments
    public GuardConfig withMaxSpreadBps(double v) { return new GuardConfig(v, maxFundingBpsPerHour, minPositionChangeFrac, cooldownBars, dailyLossStopFrac, maxOrdersPerBar, maxBarAgeBars); }

    public GuardConfig withMaxFundingBpsPerHour(double v) { return new GuardConfig(maxSpreadBps, v, minPositionChangeFrac, cooldownBars, dailyLossStopFrac, maxOrdersPerBar, maxBarAgeBars); }

    public GuardConfig withMinPositionChangeFrac(double v) { return new GuardConfig(maxSpreadBps, maxFundingBpsPerHour, v, cooldownBars, dailyLossStopFrac, maxOrdersPerBar, maxBarAgeBars); }

    public GuardConfig withCooldownBars(int v) { return new GuardConfig(maxSpreadBps, maxFundingBpsPerHour, minPositionChangeFrac, v, dailyLossStopFrac, maxOrdersPerBar, maxBarAgeBars); }

    public GuardConfig withDailyLossStopFrac(double v) { return new GuardConfig(maxSpreadBps, maxFundingBpsPerHour, minPositionChangeFrac, cooldownBars, v, maxOrdersPerBar, maxBarAgeBars); }

    public GuardConfig withMaxOrdersPerBar(int v) { return new GuardConfig(maxSpreadBps, maxFundingBpsPerHour, minPositionChangeFrac, cooldownBars, dailyLossStopFrac, v, maxBarAgeBars); }

    public GuardConfig withMaxBarAgeBars(int v) { return new GuardConfig(maxSpreadBps, maxFundingBpsPerHour, minPositionChangeFrac, cooldownBars, dailyLossStopFrac, maxOrdersPerBar, v); }
}
