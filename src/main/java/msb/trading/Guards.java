package msb.trading;

import msb.core.Timeframe;

/**
 * The risk guards of SPEC section 8, in the order they are checked. Each applies to orders that change
 * exposure (flattening bypasses them all); spread, funding and net edge only to orders that add exposure.
 * Boundaries: a value AT a maximum passes, a change AT the minimum passes, the daily stop fires AT its loss.
 */
final class Guards {
    static final String STALE_DATA = "stale_data";
    static final String DAILY_STOP = "daily_stop";
    static final String WARMUP = "vol_warmup";
    static final String SPREAD = "max_spread_bps";
    static final String FUNDING = "max_funding_bps_per_hour";
    static final String COOLDOWN = "cooldown_bars";
    static final String NET_EDGE = "net_edge";
    static final String MIN_CHANGE = "min_position_change_frac";
    static final String MAX_ORDERS = "max_orders_per_bar";

    private final Timeframe tf;
    private final StrategyConfig cfg;

    Guards(Timeframe tf, StrategyConfig cfg) {
        this.tf = tf;
        this.cfg = cfg;
    }

    /** What the guards look at for one order toward targetQty (NaN: could not size yet). */
    record Input(long barTs, long receivedAtSec, boolean halted, double targetQty, double currentQty, double price,
                 double spreadBps, double fundingPerHour, long lastFillTs, double perBarVol, double sModel,
                 int ordersThisBar) {}

    record Verdict(String guard, String detail) {}

    /** The first guard that blocks, or null. */
    Verdict check(Input in) {
        GuardConfig g = cfg.guards();
        long ageSec = in.receivedAtSec() - in.barTs();
        if (ageSec > (long) g.maxBarAgeBars() * tf.seconds()) {
            return new Verdict(STALE_DATA, "bar is " + ageSec + " s old, more than " + g.maxBarAgeBars() + " bars");
        }
        if (in.halted()) return new Verdict(DAILY_STOP, "daily loss stop hit; trading resumes at 00:00 UTC");
        if (Double.isNaN(in.targetQty())) {
            return new Verdict(WARMUP, "fewer than " + cfg.sizing().volWindowBars() + " bar returns to size with");
        }
        int targetDir = (int) Math.signum(in.targetQty());
        boolean adds = Math.abs(in.targetQty()) > Math.abs(in.currentQty())
                || targetDir != (int) Math.signum(in.currentQty());
        if (adds && in.spreadBps() > g.maxSpreadBps()) {
            return new Verdict(SPREAD, "spread " + in.spreadBps() + " bps > " + g.maxSpreadBps());
        }
        double againstBpsPerHour = targetDir * in.fundingPerHour() * 1e4;
        if (adds && againstBpsPerHour > g.maxFundingBpsPerHour()) {
            return new Verdict(FUNDING, "funding against the position " + againstBpsPerHour + " bps/h > "
                    + g.maxFundingBpsPerHour());
        }
        if (in.lastFillTs() >= 0) {
            long barsSince = (in.barTs() - in.lastFillTs()) / tf.seconds();
            if (barsSince < g.cooldownBars()) {
                return new Verdict(COOLDOWN, barsSince + " bars since the last fill < " + g.cooldownBars());
            }
        }
        if (adds && cfg.exits().netEdgeCheck()) {
            double edgeBps = in.perBarVol() * 1e4 * targetDir * in.sModel() - cfg.paper().roundTripCostBps();
            if (!(edgeBps > 0)) {
                return new Verdict(NET_EDGE, String.format(java.util.Locale.ROOT, "expected edge %.2f bps after round-trip cost is not > 0", edgeBps));
            }
        }
        double changeUsd = Math.abs(in.targetQty() - in.currentQty()) * in.price();
        double minUsd = g.minPositionChangeFrac() * cfg.sizing().baseNotionalUsd();
        if (changeUsd < minUsd) {
            return new Verdict(MIN_CHANGE, String.format(java.util.Locale.ROOT, "change %.2f USD < %.2f USD", changeUsd, minUsd));
        }
        if (in.ordersThisBar() >= g.maxOrdersPerBar()) {
            return new Verdict(MAX_ORDERS, in.ordersThisBar() + " orders already sent this bar (max "
                    + g.maxOrdersPerBar() + ")");
        }
        return null;
    }
}
