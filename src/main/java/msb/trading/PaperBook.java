package msb.trading;

/**
 * The simulated book: cash, signed position, average entry, and the open round trip's running totals.
 * Buys cost ref x (1 + cost bps), sells get ref x (1 - cost bps); fees on executed notional; funding
 * accrues on the open position (positive rate: longs pay). A fill that crosses zero closes the round trip
 * and opens the next one, its fee split by quantity.
 */
public final class PaperBook implements Broker {
    private static final double QTY_EPS = 1e-12;

    private final PaperConfig config;
    private double cashUsd;
    private double qty;
    private double avgEntryPrice;
    private OpenTrip trip;

    /** The running totals of the open round trip. */
    public record OpenTrip(long entryTs, int sideSign, double maxQty, double entryQtySum, double entryNotionalUsd,
                           double exitQtySum, double exitNotionalUsd, double grossPnlUsd, double feesUsd,
                           double fundingUsd) {}

    /** Everything the book holds, for snapshots. */
    public record State(double cashUsd, double qty, double avgEntryPrice, OpenTrip trip) {}

    public PaperBook(PaperConfig config) {
        this.config = config;
        this.cashUsd = config.initialEquityUsd();
    }

    public static PaperBook restore(PaperConfig config, State s) {
        PaperBook b = new PaperBook(config);
        b.cashUsd = s.cashUsd();
        b.qty = s.qty();
        b.avgEntryPrice = s.avgEntryPrice();
        b.trip = s.trip();
        return b;
    }

    public State state() { return new State(cashUsd, qty, avgEntryPrice, trip); }

    @Override public double positionQty() { return qty; }

    public double avgEntryPrice() { return avgEntryPrice; }

    public double cashUsd() { return cashUsd; }

    /** Bar close time of the fill that opened the current position; -1 when flat. */
    public long entryTs() { return trip == null ? -1 : trip.entryTs(); }

    @Override public double equityUsd(double markPrice) { return cashUsd + qty * markPrice; }

    /** Equity minus the initial equity minus the open position's price PnL: fees and funding included. */
    public double realizedPnlUsd() { return cashUsd + qty * avgEntryPrice - config.initialEquityUsd(); }

    public double unrealizedPnlUsd(double markPrice) { return qty * (markPrice - avgEntryPrice); }

    /** Executed price of a fill of {@code qtyDelta} at {@code refPrice}: slippage and impact against the trader. */
    public double executionPrice(double qtyDelta, double refPrice) {
        double impactBps = Math.min(config.impactMaxBps(),
                config.impactBpsPerMillionUsd() * Math.abs(qtyDelta) * refPrice / 1e6);
        double costFrac = (config.slippageBps() + impactBps) / 1e4;
        return qtyDelta > 0 ? refPrice * (1 + costFrac) : refPrice * (1 - costFrac);
    }

    @Override
    public Execution execute(double qtyDelta, double refPrice, long ts, String reason) {
        if (!(refPrice > 0) || !Double.isFinite(refPrice)) throw new IllegalArgumentException("bad price " + refPrice);
        if (!Double.isFinite(qtyDelta) || qtyDelta == 0) throw new IllegalArgumentException("bad quantity " + qtyDelta);
        double price = executionPrice(qtyDelta, refPrice);
        double absDelta = Math.abs(qtyDelta);
        double fee = absDelta * price * config.feeBps() / 1e4;
        Fill fill = new Fill(ts, Side.of(qtyDelta), absDelta, refPrice, price, fee, reason);
        cashUsd -= qtyDelta * price + fee;

        RoundTrip closed = null;
        double reduce = (qty != 0 && Math.signum(qtyDelta) != Math.signum(qty)) ? Math.min(absDelta, Math.abs(qty)) : 0;
        double increase = absDelta - reduce;
        if (reduce > 0) {
            double side = Math.signum(qty);
            double feePart = fee * reduce / absDelta;
            trip = new OpenTrip(trip.entryTs(), trip.sideSign(), trip.maxQty(), trip.entryQtySum(),
                    trip.entryNotionalUsd(), trip.exitQtySum() + reduce, trip.exitNotionalUsd() + reduce * price,
                    trip.grossPnlUsd() + side * reduce * (price - avgEntryPrice), trip.feesUsd() + feePart,
                    trip.fundingUsd());
            qty -= side * reduce;
            if (Math.abs(qty) <= QTY_EPS * Math.max(1, reduce)) {
                // Settle the rounding residue into cash so that equity stays exact.
                cashUsd += qty * avgEntryPrice;
                qty = 0;
                closed = close(ts);
            }
        }
        if (increase > QTY_EPS) {
            double side = Math.signum(qtyDelta);
            double feePart = fee * increase / absDelta;
            if (qty == 0) {
                trip = new OpenTrip(ts, (int) side, 0, 0, 0, 0, 0, 0, 0, 0);
                avgEntryPrice = price;
            } else {
                avgEntryPrice = (Math.abs(qty) * avgEntryPrice + increase * price) / (Math.abs(qty) + increase);
            }
            qty += side * increase;
            trip = new OpenTrip(trip.entryTs(), trip.sideSign(), Math.max(trip.maxQty(), Math.abs(qty)),
                    trip.entryQtySum() + increase, trip.entryNotionalUsd() + increase * price, trip.exitQtySum(),
                    trip.exitNotionalUsd(), trip.grossPnlUsd(), trip.feesUsd() + feePart, trip.fundingUsd());
        }
        if (qty == 0) avgEntryPrice = 0;
        return new Execution(fill, closed);
    }

    private RoundTrip close(long ts) {
        OpenTrip t = trip;
        trip = null;
        double entryPrice = t.entryNotionalUsd() / t.entryQtySum();
        double exitPrice = t.exitNotionalUsd() / t.exitQtySum();
        double pnl = t.grossPnlUsd() - t.feesUsd() - t.fundingUsd();
        double pnlBps = pnl / (entryPrice * t.maxQty()) * 1e4;
        return new RoundTrip(t.sideSign() > 0 ? "long" : "short", t.entryTs(), ts, t.maxQty(), entryPrice, exitPrice,
                t.grossPnlUsd(), t.feesUsd(), t.fundingUsd(), pnl, pnlBps);
    }

    @Override
    public void accrueFunding(double ratePerHour, double hours, double markPrice) {
        if (qty == 0 || !Double.isFinite(ratePerHour) || ratePerHour == 0) return;
        double cost = qty * markPrice * ratePerHour * hours;
        cashUsd -= cost;
        trip = new OpenTrip(trip.entryTs(), trip.sideSign(), trip.maxQty(), trip.entryQtySum(), trip.entryNotionalUsd(),
                trip.exitQtySum(), trip.exitNotionalUsd(), trip.grossPnlUsd(), trip.feesUsd(),
                trip.fundingUsd() + cost);
    }
}
